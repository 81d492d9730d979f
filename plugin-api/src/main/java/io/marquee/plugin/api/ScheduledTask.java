package io.marquee.plugin.api;

import java.time.Duration;
import org.pf4j.ExtensionPoint;

/**
 * Work a plugin does on a schedule for each tenant that enabled it (e.g. send reminders that are
 * due). Since 0.2.0.
 *
 * <p><b>When</b>: about every {@link #every()} (at least {@code marquee.plugins.task-min-seconds},
 * a minute by default), on one node of the cluster at a time, off any request, once per enabling
 * tenant. <b>Time limit</b>: like event listeners (5 s by default); a run that takes longer is
 * abandoned and counted as failed. <b>If it throws</b>: the failure is recorded; the task runs
 * again at its next turn. Runs can be missed while the platform is down: do what is due, not what
 * was scheduled for this exact minute.
 */
public interface ScheduledTask extends ExtensionPoint {
  /** A stable name, unique within the plugin, e.g. {@code send-due-invitations}. */
  String name();

  Duration every();

  void run(PluginContext context) throws Exception;
}
