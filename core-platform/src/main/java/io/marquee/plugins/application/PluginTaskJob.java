package io.marquee.plugins.application;

import io.marquee.jobs.application.ActiveTenants;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Runs plugins' due scheduled tasks for every active tenant (one node at a time). */
@Dependent
@DisallowConcurrentExecution
public class PluginTaskJob implements Job {
  @Inject ActiveTenants tenants;
  @Inject PluginTasks tasks;

  @Override
  public void execute(JobExecutionContext context) {
    tenants.forEach("plugin tasks", tasks::runDue);
  }
}
