package io.marquee.notifications.application;

import io.marquee.jobs.application.ActiveTenants;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Sends the storefront's mails of every active tenant (one node at a time, cluster-wide). */
@Dependent
@DisallowConcurrentExecution
public class NotificationJob implements Job {
  private static final Logger LOG = Logger.getLogger(NotificationJob.class.getName());

  @Inject ActiveTenants tenants;
  @Inject NotificationDispatcher dispatcher;

  @Override
  public void execute(JobExecutionContext context) {
    for (String slug : tenants.slugs()) {
      try {
        dispatcher.dispatch(slug);
      } catch (RuntimeException e) {
        LOG.warning(() -> "mail round of tenant " + slug + " failed: " + e);
      }
    }
  }
}
