package io.marquee.catalog.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.CommerceSettings;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.EventStatus;
import io.marquee.catalog.domain.TicketType;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.JsonInput;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ordering.application.EventCancellation;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.application.TicketService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Staff management of the catalogue: venues, events, ticket types, quotas, promo codes, settings.
 */
@Path("/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {
  @Inject Caller caller;
  @Inject TenantContext tenantContext;
  @Inject CatalogService catalog;
  @Inject EventCancellation cancellation;
  @Inject TicketService tickets;

  private TenantSnapshot tenant(Permission p) {
    TenantSnapshot t = tenantContext.require();
    caller.require(p);
    return t;
  }

  // Settings

  @GET
  @Path("settings/commerce")
  public JsonObject settings() {
    return settingsJson(catalog.settings(tenant(Permission.VIEW_EVENTS)));
  }

  @PUT
  @Path("settings/commerce")
  public JsonObject saveSettings(JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    return settingsJson(
        catalog.saveSettings(t, CatalogInput.settings(JsonInput.of(body), catalog.settings(t))));
  }

  private static JsonObject settingsJson(CommerceSettings s) {
    return Json.createObjectBuilder()
        .add("taxMode", s.tax().inclusive() ? "inclusive" : "exclusive")
        .add("taxRateBp", s.tax().rateBp())
        .add("taxLabel", s.taxLabel())
        .add("bookingFeeMinor", s.bookingFeeMinor())
        .add("holdMinutes", s.holdMinutes())
        .build();
  }

  // Venues

  @GET
  @Path("organisers")
  public JsonObject organisers() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    catalog
        .store(tenant(Permission.VIEW_EVENTS))
        .organisers()
        .forEach(o -> a.add(CatalogJson.organiser(o)));
    return Json.createObjectBuilder().add("items", a).build();
  }

  @POST
  @Path("organisers")
  public Response createOrganiser(JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    return Response.status(201)
        .entity(
            CatalogJson.organiser(
                catalog.saveOrganiser(t, CatalogInput.organiser(JsonInput.of(body), null))))
        .build();
  }

  @PUT
  @Path("organisers/{id}")
  public JsonObject updateOrganiser(@PathParam("id") UUID id, JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    return CatalogJson.organiser(
        catalog.saveOrganiser(
            t, CatalogInput.organiser(JsonInput.of(body), catalog.organiser(t, id))));
  }

  @GET
  @Path("venues")
  public JsonObject venues() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    catalog
        .store(tenant(Permission.VIEW_EVENTS))
        .venues()
        .forEach(v -> a.add(CatalogJson.venue(v)));
    return Json.createObjectBuilder().add("items", a).build();
  }

  @POST
  @Path("venues")
  public Response createVenue(JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    return Response.status(201)
        .entity(
            CatalogJson.venue(catalog.createVenue(t, CatalogInput.venue(JsonInput.of(body), null))))
        .build();
  }

  @PUT
  @Path("venues/{id}")
  public JsonObject updateVenue(@PathParam("id") UUID id, JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    return CatalogJson.venue(
        catalog.updateVenue(t, CatalogInput.venue(JsonInput.of(body), catalog.venue(t, id))));
  }

  // Events

  @GET
  @Path("events")
  public JsonObject events(
      @QueryParam("status") String status,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    TenantSnapshot t = tenant(Permission.VIEW_EVENTS);
    EventStatus s = null;
    if (status != null) {
      try {
        s = EventStatus.fromDb(status);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid(
            "status", "status must be draft, published, cancelled or completed");
      }
    }
    JsonArrayBuilder a = Json.createArrayBuilder();
    CatalogStore store = catalog.store(t);
    for (Event e : store.events(s, Math.max(1, Math.min(limit, 200)), Math.max(0, offset))) {
      a.add(withTypes(e, store, true));
    }
    return Json.createObjectBuilder().add("items", a).build();
  }

  @GET
  @Path("events/{id}")
  public JsonObject event(@PathParam("id") UUID id) {
    TenantSnapshot t = tenant(Permission.VIEW_EVENTS);
    return withTypes(catalog.event(t, id), catalog.store(t), true);
  }

  @POST
  @Path("events")
  public Response createEvent(JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    Event e =
        catalog.createEvent(
            t, CatalogInput.event(JsonInput.of(body), null, t.timeZone(), t.currency()));
    return Response.status(201).entity(withTypes(e, catalog.store(t), true)).build();
  }

  @PUT
  @Path("events/{id}")
  public JsonObject updateEvent(@PathParam("id") UUID id, JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    Event current = catalog.event(t, id);
    Event e =
        catalog.updateEvent(
            t, CatalogInput.event(JsonInput.of(body), current, t.timeZone(), t.currency()));
    return withTypes(e, catalog.store(t), true);
  }

  @POST
  @Path("events/{id}/publish")
  public JsonObject publish(@PathParam("id") UUID id) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    return withTypes(catalog.publish(t, id), catalog.store(t), true);
  }

  @POST
  @Path("events/{id}/complete")
  public JsonObject complete(@PathParam("id") UUID id) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    return withTypes(catalog.complete(t, id), catalog.store(t), true);
  }

  /** Cancels the event and refunds every paid order; pending ones are cancelled. */
  @POST
  @Path("events/{id}/cancel")
  public JsonObject cancel(@PathParam("id") UUID id, JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    caller.require(Permission.REFUND_ORDERS);
    String reason = body == null ? null : JsonInput.of(body).string("reason", 400);
    EventCancellation.Outcome o = cancellation.cancel(t, id, reason, caller.actor());
    return Json.createObjectBuilder()
        .add("event", withTypes(o.event(), catalog.store(t), true))
        .add("ordersCancelled", o.cancelled())
        .add("ordersRefunded", o.refunded())
        .build();
  }

  /** Copies the event: {@code "as": "template"} (new series) or {@code "date"} (same series). */
  @POST
  @Path("events/{id}/duplicate")
  public Response duplicate(@PathParam("id") UUID id, JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    JsonInput in = JsonInput.of(body == null ? Json.createObjectBuilder().build() : body);
    Event src = catalog.event(t, id);
    String as = in.string("as", 10);
    if (as != null && !as.equals("template") && !as.equals("date")) {
      throw ProblemException.invalid("as", "as must be template or date");
    }
    boolean sameSeries = "date".equals(as);
    var start = in.time("startsAt", ZoneId.of(src.timeZone()));
    if (sameSeries && start == null) {
      throw ProblemException.invalid("startsAt", "another date of the series needs its startsAt");
    }
    Event e = catalog.duplicate(t, id, start, sameSeries, in.string("title", 200));
    return Response.status(201).entity(withTypes(e, catalog.store(t), true)).build();
  }

  @POST
  @Path("events/{id}/ticket-types")
  public Response addTicketType(@PathParam("id") UUID id, JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    Event e = catalog.event(t, id);
    ZoneId zone = ZoneId.of(e.timeZone());
    TicketType tt =
        catalog.addTicketType(
            t, CatalogInput.ticketType(JsonInput.of(body), null, id, e.currency(), zone));
    return Response.status(201).entity(CatalogJson.ticketType(tt, zone, true)).build();
  }

  @PUT
  @Path("ticket-types/{id}")
  public JsonObject updateTicketType(@PathParam("id") UUID id, JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    TicketType current = catalog.ticketType(t, id);
    Event e = catalog.event(t, current.eventId());
    ZoneId zone = ZoneId.of(e.timeZone());
    TicketType changed =
        CatalogInput.ticketType(JsonInput.of(body), current, e.id(), e.currency(), zone);
    return CatalogJson.ticketType(catalog.updateTicketType(t, changed), zone, true);
  }

  @POST
  @Path("events/{id}/quotas")
  public Response addQuota(@PathParam("id") UUID id, JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    return Response.status(201)
        .entity(CatalogJson.quota(catalog.addQuota(t, CatalogInput.quota(JsonInput.of(body), id))))
        .build();
  }

  @POST
  @Path("events/{id}/promo-codes")
  public Response addPromo(@PathParam("id") UUID id, JsonObject body) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    Event e = catalog.event(t, id);
    return Response.status(201)
        .entity(
            CatalogJson.promo(
                catalog.addPromoCode(
                    t, CatalogInput.promo(JsonInput.of(body), id, ZoneId.of(e.timeZone())))))
        .build();
  }

  /** Retires the event's signing key (still published for verification) and starts a new one. */
  @POST
  @Path("events/{id}/keys/rotate")
  public JsonObject rotateKey(@PathParam("id") UUID id) {
    TenantSnapshot t = tenant(Permission.MANAGE_EVENTS);
    return Json.createObjectBuilder().add("kid", tickets.rotate(t, id)).build();
  }

  static JsonObject withTypes(Event e, CatalogStore store, boolean staff) {
    ZoneId zone = ZoneId.of(e.timeZone());
    JsonObjectBuilder b = CatalogJson.event(e);
    JsonArrayBuilder types = Json.createArrayBuilder();
    for (TicketType t : store.ticketTypes(e.id())) {
      types.add(CatalogJson.ticketType(t, zone, staff));
    }
    b.add("ticketTypes", types);
    if (staff) {
      JsonArrayBuilder q = Json.createArrayBuilder();
      store.quotas(e.id()).forEach(x -> q.add(CatalogJson.quota(x)));
      JsonArrayBuilder p = Json.createArrayBuilder();
      store.promoCodes(e.id()).forEach(x -> p.add(CatalogJson.promo(x)));
      b.add("quotas", q).add("promoCodes", p);
    }
    if (e.venueId() != null) {
      store.venue(e.venueId()).ifPresent(v -> b.add("venue", CatalogJson.venue(v)));
    }
    return b.build();
  }
}
