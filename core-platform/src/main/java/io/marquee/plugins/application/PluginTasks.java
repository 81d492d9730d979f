package io.marquee.plugins.application;

import io.marquee.plugin.api.ScheduledTask;
import io.marquee.tenancy.application.TenantDirectory;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs plugins' scheduled tasks for one tenant: each task of each enabled plugin whose interval has
 * passed since its last run (kept in {@code platform.plugin_task_run}, so a restart or another node
 * does not run it early). Each run is timed and counted like any plugin call.
 */
@ApplicationScoped
public class PluginTasks {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  @Inject TenantDirectory directory;
  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;
  @Inject PluginCalls calls;
  @Inject PluginEventDispatcher contexts;

  @Inject
  @ConfigProperty(name = "marquee.plugins.call-timeout-ms", defaultValue = "5000")
  long timeoutMs;

  // Tasks ask for an interval; none runs more often than this (a minute in production).
  @Inject
  @ConfigProperty(name = "marquee.plugins.task-min-seconds", defaultValue = "60")
  long minSeconds;

  /** Runs the tenant's due tasks; returns how many ran. */
  public int runDue(String slug) {
    TenantSnapshot t = directory.findBySlug(slug).orElse(null);
    if (t == null) {
      return 0;
    }
    int ran = 0;
    for (String pluginId : entitlements.enabledFor(t.id())) {
      for (ScheduledTask task :
          host.reading(() -> host.extensions(ScheduledTask.class, pluginId))) {
        long every = Math.max(minSeconds, task.every().toSeconds());
        if (!claim(t, pluginId, task.name(), Duration.ofSeconds(every))) {
          continue;
        }
        calls.call(
            t.id(),
            t.slug(),
            pluginId,
            "task " + task.name(),
            timeoutMs,
            () -> {
              task.run(contexts.contextFor(t, pluginId));
              return null;
            });
        ran++;
      }
    }
    return ran;
  }

  /** Marks the task as run now if it is due; false when it ran less than {@code every} ago. */
  private boolean claim(TenantSnapshot t, String pluginId, String task, Duration every) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO platform.plugin_task_run AS r (tenant_id, plugin_id, task,"
                    + " last_run_at) VALUES (?, ?, ?, now()) ON CONFLICT (tenant_id, plugin_id,"
                    + " task) DO UPDATE SET last_run_at = now() WHERE r.last_run_at <= now() - ?"
                    + " * interval '1 second'")) {
      ps.setObject(1, t.id());
      ps.setString(2, pluginId);
      ps.setString(3, task);
      ps.setLong(4, every.toSeconds());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot schedule plugin task " + task, e);
    }
  }
}
