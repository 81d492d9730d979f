package io.marquee.plugins.web;

import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.plugins.application.Marketplace;
import io.marquee.tenancy.application.TenantContext;
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

/**
 * The tenant's marketplace: installed plugins with prices, which ones the tenant has on, and
 * switching them (owner or finance: add-ons are billed). Disabling keeps the plugin's data.
 */
@Path("/console/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MarketplaceResource {
  @Inject Caller caller;
  @Inject TenantContext tenant;
  @Inject Marketplace marketplace;
  @Inject io.marquee.plugins.application.PluginSettingsStore settings;
  @Inject io.marquee.plugins.application.PluginHost host;

  @GET
  public JsonObject catalogue() {
    caller.require(Permission.VIEW_DASHBOARD);
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Marketplace.Card c : marketplace.catalogue(tenant.require())) {
      var p = c.plugin();
      items.add(
          Json.createObjectBuilder()
              .add("id", p.id())
              .add("version", p.version())
              .add("name", p.name())
              .add("category", p.category())
              .add("monthlyMinor", p.price().monthlyMinor())
              .add("currency", p.price().currency())
              .add("proratedTodayMinor", c.proratedTodayMinor())
              .add("description", String.valueOf(p.description()))
              .add("provider", String.valueOf(p.provider()))
              .add("state", p.state())
              .add("enabled", c.enabled())
              .add("calls", c.calls())
              .add("failures", c.failures()));
    }
    return Json.createObjectBuilder().add("items", items).build();
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
    boolean changed = marketplace.change(tenant.require(), id, enabled, caller.actor());
    return Json.createObjectBuilder()
        .add("id", id)
        .add("enabled", enabled)
        .add("changed", changed)
        .build();
  }

  /** The plugin's declared settings with this tenant's values (defaults where unset). */
  @GET
  @Path("{id}/settings")
  public JsonObject settings(@PathParam("id") String id) {
    caller.require(Permission.MANAGE_PLUGINS);
    var t = tenant.require();
    var listing =
        host.listing(id)
            .orElseThrow(
                () -> io.marquee.common.problem.ProblemException.notFound("no plugin " + id));
    java.util.Map<String, String> values = settings.effective(t.id(), id);
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (var spec : listing.settings()) {
      var b =
          Json.createObjectBuilder()
              .add("key", spec.key())
              .add("type", spec.type().name().toLowerCase(java.util.Locale.ROOT))
              .add("label", spec.label())
              .add("required", spec.required());
      if (values.get(spec.key()) != null) {
        b.add("value", values.get(spec.key()));
      }
      if (spec.min() != null) {
        b.add("min", spec.min());
      }
      if (spec.max() != null) {
        b.add("max", spec.max());
      }
      if (!spec.options().isEmpty()) {
        b.add("options", Json.createArrayBuilder(spec.options()));
      }
      items.add(b);
    }
    return Json.createObjectBuilder().add("id", id).add("settings", items).build();
  }

  /**
   * Saves settings, body {@code {"key":"value",…}} (all as strings; blank means "use the default"):
   * 400 naming each bad field ({@code errors}), old settings kept.
   */
  @jakarta.ws.rs.PUT
  @Path("{id}/settings")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  public JsonObject saveSettings(@PathParam("id") String id, JsonObject body) {
    caller.require(Permission.MANAGE_PLUGINS);
    var t = tenant.require();
    java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
    if (body != null) {
      body.forEach(
          (k, v) ->
              values.put(
                  k,
                  switch (v.getValueType()) {
                    case STRING -> ((jakarta.json.JsonString) v).getString();
                    case NULL -> "";
                    default -> v.toString();
                  }));
    }
    var saved = settings.save(t, id, values, caller.actor());
    var out = Json.createObjectBuilder();
    saved.forEach(out::add);
    return Json.createObjectBuilder().add("id", id).add("values", out).build();
  }
}
