package io.marquee.ticketing.web;

import io.marquee.common.persistence.Sql;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.JsonInput;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.ordering.web.OrderJson;
import io.marquee.ordering.web.OrdersResource;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.application.TicketService;
import io.marquee.ticketing.domain.Ticket;
import io.marquee.ticketing.domain.TicketCodes;
import io.marquee.ticketing.infrastructure.TicketRenderer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.UUID;

/**
 * A ticket with its signed code, as QR (SVG/PNG) and printable PDF; transfer; and the door check of
 * a code. Buyers authenticate with their order's token ({@code X-Order-Token} or {@code ?token=}
 * for links opened in a browser).
 */
@Path("/v1")
@RequestScoped
public class TicketsResource {
  @Inject Caller caller;
  @Inject TenantContext tenantContext;
  @Inject TicketService tickets;
  @Inject Sql sql;

  @GET
  @Path("tickets/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject get(
      @PathParam("id") UUID id,
      @HeaderParam(OrdersResource.TOKEN_HEADER) String header,
      @QueryParam("token") String query) {
    TenantSnapshot t = tenantContext.require();
    Ticket ticket = authorized(t, id, header != null ? header : query);
    JsonObjectBuilder b = OrderJson.ticket(ticket);
    if (ticket.status() == io.marquee.ticketing.domain.TicketStatus.VALID) {
      b.add("code", tickets.code(t, ticket));
    }
    return b.build();
  }

  @GET
  @Path("tickets/{id}/qr.svg")
  @Produces("image/svg+xml")
  public String svg(
      @PathParam("id") UUID id,
      @HeaderParam(OrdersResource.TOKEN_HEADER) String header,
      @QueryParam("token") String query) {
    TenantSnapshot t = tenantContext.require();
    return TicketRenderer.svg(tickets.code(t, authorized(t, id, header != null ? header : query)));
  }

  @GET
  @Path("tickets/{id}/qr.png")
  @Produces("image/png")
  public byte[] png(
      @PathParam("id") UUID id,
      @HeaderParam(OrdersResource.TOKEN_HEADER) String header,
      @QueryParam("token") String query) {
    TenantSnapshot t = tenantContext.require();
    return TicketRenderer.png(
        tickets.code(t, authorized(t, id, header != null ? header : query)), 8);
  }

  @GET
  @Path("tickets/{id}/ticket.pdf")
  @Produces("application/pdf")
  public Response pdf(
      @PathParam("id") UUID id,
      @HeaderParam(OrdersResource.TOKEN_HEADER) String header,
      @QueryParam("token") String query) {
    TenantSnapshot t = tenantContext.require();
    Ticket ticket = authorized(t, id, header != null ? header : query);
    byte[] pdf = tickets.pdf(t, ticket);
    String number =
        new OrderStore(sql.in(t.schema())).find(ticket.orderId()).orElseThrow().number();
    return Response.ok(pdf)
        .header("Content-Disposition", "inline; filename=\"ticket-" + number + ".pdf\"")
        .build();
  }

  /** {@code {"name": "...", "email": "..."}}: the new holder; the old code stops working. */
  @POST
  @Path("tickets/{id}/transfer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject transfer(
      @PathParam("id") UUID id,
      JsonObject body,
      @HeaderParam(OrdersResource.TOKEN_HEADER) String token) {
    TenantSnapshot t = tenantContext.require();
    authorized(t, id, token);
    JsonInput in = JsonInput.of(body);
    String name = in.requiredString("name", 200);
    String email = in.string("email", 254);
    Ticket after = tickets.transfer(t, id, name, email);
    return OrderJson.ticket(after).add("code", tickets.code(t, after)).build();
  }

  /**
   * Door check of a code against the event's keys and revocations (what a scanner does offline).
   */
  @POST
  @Path("events/{eventId}/verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject verify(@PathParam("eventId") UUID eventId, JsonObject body) {
    TenantSnapshot t = tenantContext.require();
    caller.require(Permission.CONFIRM_AT_DOOR);
    String code = JsonInput.of(body).requiredString("code", 2000);
    TicketCodes.Result r = tickets.verify(t, eventId, code);
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("valid", r.valid())
            .add("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
    if (r.claims() != null && r.valid()) {
      b.add("ticketId", r.claims().ticketId().toString())
          .add("ticketTypeId", r.claims().ticketTypeId().toString());
    }
    return b.build();
  }

  private Ticket authorized(TenantSnapshot t, UUID id, String token) {
    Ticket ticket = tickets.ticket(t, id);
    if (token != null) {
      Order o = new OrderStore(sql.in(t.schema())).find(ticket.orderId()).orElseThrow();
      if (MessageDigest.isEqual(
          token.getBytes(StandardCharsets.UTF_8),
          o.accessToken().getBytes(StandardCharsets.UTF_8))) {
        return ticket;
      }
      throw ProblemException.notFound("no such ticket");
    }
    if (!caller.authenticated()) {
      throw ProblemException.notFound("no such ticket");
    }
    caller.require(Permission.MANAGE_ORDERS);
    return ticket;
  }
}
