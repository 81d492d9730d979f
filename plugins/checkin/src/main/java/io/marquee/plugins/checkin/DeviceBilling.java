package io.marquee.plugins.checkin;

import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.ScheduledTask;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.pf4j.Extension;

/**
 * Devices beyond the three the monthly fee includes: each device that worked in a month (a
 * heartbeat or a claim in it) beyond the third is billed once for that month, when it is claimed
 * (and, for devices still working in a new month, by this task). The k-th extra device of a month
 * has the tracking id {@code devices-<month>-<k>}, so reruns bill nothing twice.
 */
@Extension
public class DeviceBilling implements ScheduledTask {
  static final int INCLUDED = 3;

  @Override
  public String name() {
    return "bill-extra-devices";
  }

  @Override
  public Duration every() {
    return Duration.ofMinutes(10);
  }

  @Override
  public void run(PluginContext ctx) {
    bill(ctx);
  }

  /** Bills this month's extra devices (idempotent); called on each claim and by the schedule. */
  static void bill(PluginContext ctx) {
    YearMonth month = YearMonth.now(ZoneOffset.UTC);
    long active =
        Stats.n(
            ctx,
            "SELECT count(*) AS n FROM {t}.plugin_checkin_device WHERE claimed_at IS NOT NULL AND"
                + " last_seen_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE"
                + " 'UTC'");
    for (long k = INCLUDED + 1; k <= active; k++) {
      ctx.recordUsage("extra-device", 1, "devices-" + month + "-" + (k - INCLUDED));
    }
  }
}
