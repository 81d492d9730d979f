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
}
