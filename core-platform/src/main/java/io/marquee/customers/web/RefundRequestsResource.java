package io.marquee.customers.web;

import io.marquee.customers.application.AttendeeTickets;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Refund requests attendees made under a policy that needs approval: staff list and decide. */
@Path("/v1/refund-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RefundRequestsResource {
  @Inject Caller caller;
  @Inject TenantContext tenantContext;
  @Inject AttendeeTickets attendee;

  @GET
  public JsonObject pending(@QueryParam("orderId") UUID orderId) {
    TenantSnapshot t = tenantContext.require();
    caller.require(Permission.REFUND_ORDERS);
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (AttendeeTickets.Request r : attendee.pending(t, orderId)) {
      items.add(
          Json.createObjectBuilder()
              .add("id", r.id().toString())
              .add("orderId", r.orderId().toString())
              .add("orderNumber", r.orderNumber())
              .add("ticketId", r.ticketId().toString())
              .add("email", r.email())
              .add("amountMinor", r.amount())
              .add("currency", r.currency())
              .add("createdAt", r.createdAt().toString()));
    }
    return Json.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("{id}/approve")
  public JsonObject approve(@PathParam("id") UUID id) {
    return decide(id, true);
  }

  @POST
  @Path("{id}/reject")
  public JsonObject reject(@PathParam("id") UUID id) {
    return decide(id, false);
  }

  private JsonObject decide(UUID id, boolean approve) {
    TenantSnapshot t = tenantContext.require();
    caller.require(Permission.REFUND_ORDERS);
    String status = attendee.decide(t, id, approve, caller.actor());
    return Json.createObjectBuilder().add("id", id.toString()).add("status", status).build();
  }
}
