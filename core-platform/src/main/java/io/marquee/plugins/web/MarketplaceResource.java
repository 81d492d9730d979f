package io.marquee.plugins.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.plugins.application.PluginEntitlements;
import io.marquee.plugins.application.PluginHost;
import io.marquee.tenancy.application.AuditTrail;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The tenant's marketplace: installed plugins, which ones the tenant has on, and switching them
 * (owner or finance: add-ons are billed). Disabling keeps the plugin's data.
 */
@Path("/console/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MarketplaceResource {
  @Inject Caller caller;
  @Inject TenantContext tenant;
  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;
  @Inject AuditTrail audit;

  @GET
  public JsonObject catalogue() {
    caller.require(Permission.VIEW_DASHBOARD);
    TenantSnapshot t = tenant.require();
    List<String> on = entitlements.enabledFor(t.id());
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (PluginHost.Installed p : host.installed()) {
      var stats =
          entitlements.stats(t.id()).stream().filter(s -> s.pluginId().equals(p.id())).findFirst();
      items.add(
          Json.createObjectBuilder()
              .add("id", p.id())
              .add("version", p.version())
              .add("name", p.name())
              .add("category", p.category())
              .add("monthlyMinor", p.price().monthlyMinor())
              .add("currency", p.price().currency())
              .add("proratedTodayMinor", proratedToday(p.price().monthlyMinor()))
              .add("description", String.valueOf(p.description()))
              .add("provider", String.valueOf(p.provider()))
              .add("state", p.state())
              .add("enabled", on.contains(p.id()))
              .add("calls", stats.map(s -> s.calls()).orElse(0L))
              .add("failures", stats.map(s -> s.failures()).orElse(0L)));
    }
    return Json.createObjectBuilder().add("items", items).build();
  }

  /** What enabling today adds to this month's invoice: the fee for the rest of the month. */
  static long proratedToday(long monthlyMinor) {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    java.time.YearMonth month = java.time.YearMonth.from(today);
    int days = month.lengthOfMonth() - today.getDayOfMonth() + 1;
    return io.marquee.billing.domain.Proration.amount(monthlyMinor, month, days);
  }

  @POST
  @Path("{id}/enable")
  public JsonObject enable(@PathParam("id") String id) {
    return change(id, true);
  }

  @POST
  @Path("{id}/disable")
  public JsonObject disable(@PathParam("id") String id) {
    return change(id, false);
  }

  private JsonObject change(String id, boolean enabled) {
    caller.require(Permission.MANAGE_PLUGINS);
    TenantSnapshot t = tenant.require();
    PluginHost.Installed p =
        host.find(id)
            .orElseThrow(() -> ProblemException.notFound("no plugin " + id + " installed"));
    if (enabled && !host.isStarted(id)) {
      throw ProblemException.conflict(
          "id", "plugin " + id + " is " + p.state().toLowerCase() + " and cannot be enabled");
    }
    boolean changed = entitlements.set(t.id(), id, enabled, caller.actor(), p.price());
    if (changed) {
      audit.record(caller.actor(), enabled ? "plugin.enabled" : "plugin.disabled", id);
    }
    return Json.createObjectBuilder()
        .add("id", id)
        .add("enabled", enabled)
        .add("changed", changed)
        .build();
  }
}
