package io.marquee.plugins.application;

import io.marquee.jobs.application.ActiveTenants;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Delivers every active tenant's new domain events to its plugins (one node at a time). */
@Dependent
@DisallowConcurrentExecution
public class PluginEventJob implements Job {
  @Inject ActiveTenants tenants;
  @Inject PluginEventDispatcher dispatcher;

  @Override
  public void execute(JobExecutionContext context) {
    tenants.forEach("plugin delivery", dispatcher::dispatch);
  }
}
