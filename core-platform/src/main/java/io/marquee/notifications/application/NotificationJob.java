package io.marquee.notifications.application;

import io.marquee.jobs.application.ActiveTenants;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Sends the storefront's mails of every active tenant (one node at a time, cluster-wide). */
@Dependent
@DisallowConcurrentExecution
public class NotificationJob implements Job {
  @Inject ActiveTenants tenants;
  @Inject NotificationDispatcher dispatcher;

  @Override
  public void execute(JobExecutionContext context) {
    tenants.forEach("mail round", dispatcher::dispatch);
  }
}
