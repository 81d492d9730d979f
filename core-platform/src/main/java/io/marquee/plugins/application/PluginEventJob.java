package io.marquee.plugins.application;

import io.marquee.jobs.application.ActiveTenants;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Delivers every active tenant's new domain events to its plugins (one node at a time). */
@Dependent
@DisallowConcurrentExecution
public class PluginEventJob implements Job {
  private static final Logger LOG = Logger.getLogger(PluginEventJob.class.getName());

  @Inject ActiveTenants tenants;
  @Inject PluginEventDispatcher dispatcher;

  @Override
  public void execute(JobExecutionContext context) {
    for (String slug : tenants.slugs()) {
      try {
        dispatcher.dispatch(slug);
      } catch (RuntimeException e) {
        LOG.warning(() -> "plugin delivery for tenant " + slug + " failed: " + e);
      }
    }
  }
}
