package io.marquee.billing.web;

import io.marquee.billing.application.Plans;
import io.marquee.billing.domain.Plan;
import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.tenancy.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The operator's plans: the list, and moving a tenant to another plan. */
@Path("/platform/plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformPlansResource {
  @Inject Caller caller;
  @Inject Plans plans;
  @Inject TenantDirectory directory;

  @GET
  public JsonObject all() {
    caller.requireOperator();
    JsonArrayBuilder items = Json.createArrayBuilder();
    plans.all().forEach(p -> items.add(json(p)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  /** Body {@code {"plan":"pro"}}; the change takes effect now, prorated by day. */
  @PUT
  @Path("tenants/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject change(@PathParam("slug") String slug, JsonObject body) {
    caller.requireOperator();
    var t =
        directory
            .findBySlug(slug)
            .orElseThrow(() -> ProblemException.notFound("no tenant " + slug));
    if (body == null || !body.containsKey("plan") || body.isNull("plan")) {
      throw ProblemException.invalid("plan", "plan is required");
    }
    if (!(body.get("plan") instanceof jakarta.json.JsonString code)) {
      throw ProblemException.invalid("plan", "plan must be a plan code such as \"pro\"");
    }
    boolean changed = plans.change(t.id(), code.getString(), caller.actor());
    return Json.createObjectBuilder()
        .add("tenant", slug)
        .add("plan", json(plans.current(t.id())))
        .add("changed", changed)
        .build();
  }

  static JsonObject json(Plan p) {
    JsonArrayBuilder tiers = Json.createArrayBuilder();
    p.tiers()
        .forEach(
            t ->
                tiers.add(
                    Json.createObjectBuilder()
                        .add("fromTickets", t.fromTickets())
                        .add("bps", t.bps())));
    return Json.createObjectBuilder()
        .add("code", p.code())
        .add("name", p.name())
        .add("monthlyMinor", p.monthlyMinor())
        .add("currency", p.currency())
        .add("commissionTiers", tiers)
        .build();
  }
}
