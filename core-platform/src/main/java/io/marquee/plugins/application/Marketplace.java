package io.marquee.plugins.application;

import io.marquee.billing.domain.Proration;
import io.marquee.common.problem.ProblemException;
import io.marquee.tenancy.application.AuditTrail;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A tenant's marketplace: what is installed, at what price, what is on, and switching it. */
@ApplicationScoped
public class Marketplace {
  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;
  @Inject AuditTrail audit;
  @Inject io.marquee.plugins.infrastructure.PluginMigrations migrations;

  /** One card of the catalogue, for one tenant. */
  public record Card(
      PluginHost.Installed plugin,
      boolean enabled,
      long proratedTodayMinor,
      long calls,
      long failures) {}

  public List<Card> catalogue(TenantSnapshot t) {
    List<String> on = entitlements.enabledFor(t.id());
    var stats = entitlements.stats(t.id());
    List<Card> out = new ArrayList<>();
    for (PluginHost.Installed p : host.installed()) {
      var s = stats.stream().filter(x -> x.pluginId().equals(p.id())).findFirst();
      out.add(
          new Card(
              p,
              on.contains(p.id()),
              proratedToday(p.price().monthlyMinor()),
              s.map(PluginEntitlements.Stats::calls).orElse(0L),
              s.map(PluginEntitlements.Stats::failures).orElse(0L)));
    }
    return out;
  }

  /** One installed plugin as the operator sees it, across all tenants. */
  public record OperatorRow(
      PluginHost.Installed plugin, long tenants, long calls, long failures, boolean flagged) {}

  /** Installed plugins with adoption and call outcomes; flagged once failures are frequent. */
  public List<OperatorRow> operatorView() {
    java.util.Map<String, Long> adoption = entitlements.adoption();
    var stats = entitlements.stats(null);
    List<OperatorRow> out = new ArrayList<>();
    for (PluginHost.Installed p : host.installed()) {
      long calls = 0;
      long failures = 0;
      for (var st : stats) {
        if (st.pluginId().equals(p.id())) {
          calls += st.calls();
          failures += st.failures();
        }
      }
      // at least 3 failures and a tenth of the calls: one bad night is not yet a pattern
      boolean flagged = failures >= 3 && failures * 10 >= calls;
      out.add(new OperatorRow(p, adoption.getOrDefault(p.id(), 0L), calls, failures, flagged));
    }
    return out;
  }

  /** What enabling today adds to this month's invoice: the fee for the rest of the month. */
  public static long proratedToday(long monthlyMinor) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    YearMonth month = YearMonth.from(today);
    return Proration.amount(monthlyMinor, month, month.lengthOfMonth() - today.getDayOfMonth() + 1);
  }

  /** The operator's override: free of charge, or forced off (which also switches it off now). */
  public void override(
      TenantSnapshot t, String id, boolean free, boolean forceDisabled, String actor) {
    host.find(id).orElseThrow(() -> ProblemException.notFound("no plugin " + id + " installed"));
    entitlements.setOverride(
        t.id(), id, new PluginEntitlements.Override(free, forceDisabled), actor);
    if (forceDisabled) {
      entitlements.set(t.id(), id, false, actor, host.find(id).orElseThrow().price());
    }
  }

  /** Switches a plugin on or off; false when it already was. The caller checked the role. */
  public boolean isEnabled(TenantSnapshot t, String id) {
    return entitlements.enabledFor(t.id()).contains(id);
  }

  public boolean change(TenantSnapshot t, String id, boolean enabled, String actor) {
    PluginHost.Installed p =
        host.find(id)
            .orElseThrow(() -> ProblemException.notFound("no plugin " + id + " installed"));
    if (enabled && entitlements.override(t.id(), id).forceDisabled()) {
      throw ProblemException.conflict(
          "id", "the platform operator has switched " + id + " off for this tenant");
    }
    if (enabled && !host.isStarted(id)) {
      throw ProblemException.conflict(
          "id", "plugin " + id + " is " + p.state().toLowerCase() + " and cannot be enabled");
    }
    if (enabled) {
      // The plugin's tables first: a failed migration leaves the tenant as it was, not enabled
      // and not billed (Flyway runs each migration in its own transaction on PostgreSQL).
      try {
        migrations.migrate(id, host.classLoader(id), t.schema());
      } catch (RuntimeException e) {
        throw ProblemException.unprocessable(
            "id", "plugin " + id + " could not set up its data: " + e.getMessage());
      }
    }
    boolean changed = entitlements.set(t.id(), id, enabled, actor, p.price());
    if (changed) {
      audit.record(actor, enabled ? "plugin.enabled" : "plugin.disabled", id);
    }
    return changed;
  }
}
