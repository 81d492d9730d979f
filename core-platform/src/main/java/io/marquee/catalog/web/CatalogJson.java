package io.marquee.catalog.web;

import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.PromoCode;
import io.marquee.catalog.domain.Quota;
import io.marquee.catalog.domain.TicketType;
import io.marquee.catalog.domain.Venue;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.UUID;

/** JSON views of the catalogue. Times are shown in the event's own zone, with offset. */
public final class CatalogJson {
  private CatalogJson() {}

  public static JsonObject organiser(io.marquee.catalog.domain.Organiser o) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", o.id().toString())
            .add("slug", o.slug())
            .add("name", o.name());
    if (o.description() != null) {
      b.add("description", o.description());
    }
    if (o.website() != null) {
      b.add("website", o.website());
    }
    return b.build();
  }

  public static JsonObject venue(Venue v) {
    JsonObjectBuilder b =
        Json.createObjectBuilder().add("id", v.id().toString()).add("name", v.name());
    opt(b, "address", v.address());
    opt(b, "city", v.city());
    if (v.latitude() != null) {
      b.add("latitude", v.latitude());
    }
    if (v.longitude() != null) {
      b.add("longitude", v.longitude());
    }
    if (v.capacity() != null) {
      b.add("capacity", v.capacity());
    }
    return b.add("amenities", strings(v.amenities())).build();
  }

  public static JsonObjectBuilder event(Event e) {
    ZoneId zone = ZoneId.of(e.timeZone());
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", e.id().toString())
            .add("seriesId", e.seriesId().toString())
            .add("slug", e.slug())
            .add("title", e.title())
            .add("status", e.status().db())
            .add("timeZone", e.timeZone())
            .add("currency", e.currency())
            .add("genres", strings(e.genres()))
            .add("images", strings(e.images()))
            .add("lineup", strings(e.lineup()))
            .add("attendeeNamesRequired", e.attendeeNamesRequired())
            .add("counterHoldHours", e.counterHoldHours())
            .add(
                "refundPolicy",
                Json.createReader(new StringReader(e.refundPolicyJson())).readArray());
    opt(b, "description", e.description());
    opt(b, "category", e.category());
    if (e.organiserId() != null) {
      b.add("organiserId", e.organiserId().toString());
    }
    if (e.venueId() != null) {
      b.add("venueId", e.venueId().toString());
    }
    time(b, "startsAt", e.startsAt(), zone);
    time(b, "endsAt", e.endsAt(), zone);
    time(b, "doorsAt", e.doorsAt(), zone);
    time(b, "salesStart", e.sales().start(), zone);
    time(b, "salesEnd", e.sales().end(), zone);
    if (e.ageRestriction() != null) {
      b.add("ageRestriction", e.ageRestriction());
    }
    return b;
  }

  public static JsonObject ticketType(TicketType t, ZoneId zone, boolean staff) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", t.id().toString())
            .add("eventId", t.eventId().toString())
            .add("name", t.name())
            .add("kind", t.kind().db())
            .add("priceMinor", t.priceMinor())
            .add("currency", t.currency())
            .add("minPerOrder", t.minPerOrder())
            .add("maxPerOrder", t.maxPerOrder())
            .add("available", t.available())
            .add("soldOut", t.available() == 0)
            .add("benefits", strings(t.benefits()));
    opt(b, "description", t.description());
    time(b, "salesStart", t.sales().start(), zone);
    time(b, "salesEnd", t.sales().end(), zone);
    if (staff) {
      b.add("capacity", t.capacity())
          .add("taken", t.taken())
          .add("sold", t.sold())
          .add("held", t.taken() - t.sold())
          .add("visibility", t.visibility().db())
          .add("sortOrder", t.sortOrder());
      opt(b, "unlockCode", t.unlockCode());
    }
    return b.build();
  }

  public static JsonObject quota(Quota q) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    q.ticketTypeIds().forEach(id -> ids.add(id.toString()));
    return Json.createObjectBuilder()
        .add("id", q.id().toString())
        .add("eventId", q.eventId().toString())
        .add("name", q.name())
        .add("capacity", q.capacity())
        .add("taken", q.taken())
        .add("available", q.capacity() - q.taken())
        .add("ticketTypeIds", ids)
        .build();
  }

  public static JsonObject promo(PromoCode p) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", p.id().toString())
            .add("eventId", p.eventId().toString())
            .add("code", p.code())
            .add("kind", p.percent() ? "percent" : "fixed")
            .add("used", p.used());
    if (p.percentBp() != null) {
      b.add("percentBp", p.percentBp());
    }
    if (p.amountMinor() != null) {
      b.add("amountMinor", p.amountMinor());
    }
    if (p.ticketTypeId() != null) {
      b.add("ticketTypeId", p.ticketTypeId().toString());
    }
    if (p.maxUses() != null) {
      b.add("maxUses", p.maxUses());
    }
    if (p.validFrom() != null) {
      b.add("validFrom", p.validFrom().toString());
    }
    if (p.validUntil() != null) {
      b.add("validUntil", p.validUntil().toString());
    }
    return b.build();
  }

  public static JsonArrayBuilder strings(Collection<String> values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    values.forEach(a::add);
    return a;
  }

  public static JsonArrayBuilder ids(Collection<UUID> values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    values.forEach(v -> a.add(v.toString()));
    return a;
  }

  static void time(JsonObjectBuilder b, String name, Instant t, ZoneId zone) {
    if (t != null) {
      b.add(name, t.atZone(zone).toOffsetDateTime().toString());
    }
  }

  static void opt(JsonObjectBuilder b, String name, String v) {
    if (v != null) {
      b.add(name, v);
    }
  }
}
