package io.marquee.catalog.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.EventStatus;
import io.marquee.catalog.domain.TicketType;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.problem.ProblemException;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.application.SigningKeys;
import io.marquee.ticketing.application.TicketService;
import io.marquee.ticketing.domain.TicketCodes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

/**
 * What anyone may read on a tenant's domain: published events with their public ticket types and
 * availability, and each event's ticket verification keys and revocation list.
 */
@Path("/v1/public/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublicEventsResource {
  @Inject TenantContext tenantContext;
  @Inject CatalogService catalog;
  @Inject TicketService tickets;

  @GET
  public JsonObject list(
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    TenantSnapshot t = tenantContext.require();
    CatalogStore store = catalog.store(t);
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (Event e :
        catalog.publicEvents(t, Math.max(1, Math.min(limit, 200)), Math.max(0, offset))) {
      a.add(publicView(e, store, null));
    }
    return Json.createObjectBuilder().add("items", a).build();
  }

  /** One event by slug or id; {@code code} reveals ticket types unlocked by that code. */
  @GET
  @Path("{ref}")
  public JsonObject one(@PathParam("ref") String ref, @QueryParam("code") String code) {
    TenantSnapshot t = tenantContext.require();
    CatalogStore store = catalog.store(t);
    return publicView(find(store, ref), store, code);
  }

  @GET
  @Path("{ref}/keys")
  public JsonObject keys(@PathParam("ref") String ref) {
    TenantSnapshot t = tenantContext.require();
    Event e = find(catalog.store(t), ref);
    JsonArrayBuilder keys = Json.createArrayBuilder();
    for (SigningKeys.PublishedKey k : tickets.keys(t, e.id())) {
      // JWK (RFC 8037): x is the raw 32-byte Ed25519 key, the tail of the X.509 encoding.
      byte[] x = java.util.Arrays.copyOfRange(k.x509(), k.x509().length - 32, k.x509().length);
      keys.add(
          Json.createObjectBuilder()
              .add("kty", "OKP")
              .add("crv", "Ed25519")
              .add("kid", k.kid())
              .add("x", Base64.getUrlEncoder().withoutPadding().encodeToString(x))
              .add("active", k.active()));
    }
    JsonArrayBuilder revoked = Json.createArrayBuilder();
    for (TicketCodes.Revocation r : tickets.revocations(t, e.id())) {
      revoked.add(
          Json.createObjectBuilder()
              .add("ticketId", r.ticketId().toString())
              .add("serial", r.serial()));
    }
    return Json.createObjectBuilder()
        .add("eventId", e.id().toString())
        .add("tenant", t.slug())
        .add("keys", keys)
        .add("revoked", revoked)
        .build();
  }

  /** The event as an iCalendar file (RFC 5545) for "add to calendar". */
  @GET
  @Path("{ref}/calendar.ics")
  @Produces("text/calendar")
  public jakarta.ws.rs.core.Response calendar(@PathParam("ref") String ref) {
    TenantSnapshot t = tenantContext.require();
    CatalogStore store = catalog.store(t);
    Event e = find(store, ref);
    String ics = io.marquee.catalog.application.EventCalendar.ics(t, e, store);
    return jakarta.ws.rs.core.Response.ok(ics)
        .header("Content-Disposition", "attachment; filename=\"" + e.slug() + ".ics\"")
        .build();
  }

  static Event find(CatalogStore store, String ref) {
    Event e;
    try {
      e = store.event(UUID.fromString(ref)).orElse(null);
    } catch (IllegalArgumentException notUuid) {
      e = store.eventBySlug(ref).orElse(null);
    }
    if (e == null || e.status() == EventStatus.DRAFT) {
      throw ProblemException.notFound("no such event");
    }
    return e;
  }

  private static JsonObject publicView(Event e, CatalogStore store, String code) {
    ZoneId zone = ZoneId.of(e.timeZone());
    JsonObjectBuilder b = CatalogJson.event(e);
    JsonArrayBuilder types = Json.createArrayBuilder();
    for (TicketType tt : store.ticketTypes(e.id())) {
      if (tt.visibleWith(code) && tt.kind() != io.marquee.catalog.domain.TicketKind.COMPLIMENTARY) {
        types.add(CatalogJson.ticketType(tt, zone, false));
      }
    }
    b.add("ticketTypes", types).add("onSale", e.onSale(java.time.Instant.now()));
    if (e.venueId() != null) {
      store.venue(e.venueId()).ifPresent(v -> b.add("venue", CatalogJson.venue(v)));
    }
    return b.build();
  }
}
