package io.marquee.catalog.web;

import io.marquee.catalog.domain.CommerceSettings;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.EventStatus;
import io.marquee.catalog.domain.PromoCode;
import io.marquee.catalog.domain.Quota;
import io.marquee.catalog.domain.SalesWindow;
import io.marquee.catalog.domain.TaxRule;
import io.marquee.catalog.domain.TicketKind;
import io.marquee.catalog.domain.TicketType;
import io.marquee.catalog.domain.Venue;
import io.marquee.catalog.domain.Visibility;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.JsonInput;
import io.marquee.ordering.domain.RefundPolicy;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns request bodies into catalogue values. On update, absent fields keep their current value.
 * Every refusal names its field.
 */
final class CatalogInput {
  private CatalogInput() {}

  static Venue venue(JsonInput in, Venue current) {
    String name = in.string("name", 200);
    if (name == null && current == null) {
      throw ProblemException.invalid("name", "name is required");
    }
    BigDecimal lat = decimal(in, "latitude", -90, 90);
    BigDecimal lng = decimal(in, "longitude", -180, 180);
    List<String> amenities = in.strings("amenities", 50, 60);
    return new Venue(
        current == null ? null : current.id(),
        name != null ? name : current.name(),
        in.has("address") ? in.string("address", 400) : current == null ? null : current.address(),
        in.has("city") ? in.string("city", 120) : current == null ? null : current.city(),
        lat != null ? lat : current == null ? null : current.latitude(),
        lng != null ? lng : current == null ? null : current.longitude(),
        in.has("capacity")
            ? in.intValue("capacity", 0, 10_000_000)
            : current == null ? null : current.capacity(),
        amenities != null ? amenities : current == null ? List.of() : current.amenities());
  }

  static io.marquee.catalog.domain.Organiser organiser(
      JsonInput in, io.marquee.catalog.domain.Organiser current) {
    String name = in.string("name", 200);
    if (name == null && current == null) {
      throw ProblemException.invalid("name", "name is required");
    }
    String website =
        in.has("website") ? in.string("website", 400) : current == null ? null : current.website();
    if (website != null && !website.matches("https?://[^\\s<>\"]+")) {
      throw ProblemException.invalid("website", "website must be an http(s) address");
    }
    return new io.marquee.catalog.domain.Organiser(
        current == null ? null : current.id(),
        in.has("slug") ? in.string("slug", 120) : current == null ? null : current.slug(),
        name != null ? name : current.name(),
        in.has("description")
            ? in.string("description", 20_000)
            : current == null ? null : current.description(),
        website);
  }

  private static BigDecimal decimal(JsonInput in, String field, int min, int max) {
    if (!in.has(field)) {
      return null;
    }
    if (!(in.raw().get(field) instanceof jakarta.json.JsonNumber n)) {
      throw ProblemException.invalid(field, field + " must be a number");
    }
    BigDecimal v = n.bigDecimalValue();
    if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw ProblemException.invalid(field, field + " must be between " + min + " and " + max);
    }
    return v.setScale(6, java.math.RoundingMode.HALF_UP);
  }

  static Event event(JsonInput in, Event c, String tenantZone, String tenantCurrency) {
    String zoneName =
        in.has("timeZone") ? in.string("timeZone", 60) : c != null ? c.timeZone() : tenantZone;
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      throw ProblemException.invalid("timeZone", "unknown time zone " + zoneName);
    }
    String title = in.string("title", 200);
    if (title == null && c == null) {
      throw ProblemException.invalid("title", "title is required");
    }
    Instant starts = in.time("startsAt", zone);
    if (starts == null && c == null) {
      throw ProblemException.invalid("startsAt", "startsAt is required");
    }
    String slug = in.string("slug", 120);
    if (slug != null && !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw ProblemException.invalid(
          "slug", "slug may hold lowercase letters, digits and single hyphens");
    }
    Instant ends = in.has("endsAt") ? in.time("endsAt", zone) : c == null ? null : c.endsAt();
    Instant doors = in.has("doorsAt") ? in.time("doorsAt", zone) : c == null ? null : c.doorsAt();
    Instant start = starts != null ? starts : c.startsAt();
    if (ends != null && !ends.isAfter(start)) {
      throw ProblemException.invalid("endsAt", "endsAt must be after startsAt");
    }
    if (doors != null && doors.isAfter(start)) {
      throw ProblemException.invalid("doorsAt", "doors must open no later than the start");
    }
    Instant salesStart =
        in.has("salesStart") ? in.time("salesStart", zone) : c == null ? null : c.sales().start();
    Instant salesEnd =
        in.has("salesEnd") ? in.time("salesEnd", zone) : c == null ? null : c.sales().end();
    if (salesStart != null && salesEnd != null && !salesEnd.isAfter(salesStart)) {
      throw ProblemException.invalid("salesEnd", "salesEnd must be after salesStart");
    }
    String currency = c != null ? c.currency() : tenantCurrency;
    if (in.has("currency")) {
      String wanted = in.string("currency", 3).toUpperCase(Locale.ROOT);
      if (!wanted.equals(currency)) {
        throw ProblemException.unprocessable("currency", "this tenant sells in " + currency);
      }
    }
    List<String> genres = in.strings("genres", 20, 60);
    List<String> images = in.strings("images", 20, 1000);
    List<String> lineup = in.strings("lineup", 100, 200);
    Integer hold = in.intValue("counterHoldHours", 12, 24);
    return new Event(
        c == null ? null : c.id(),
        c == null ? null : c.seriesId(),
        slug != null ? slug : c == null ? null : c.slug(),
        title != null ? title : c.title(),
        in.has("description")
            ? in.string("description", 20_000)
            : c == null ? null : c.description(),
        in.has("category") ? in.string("category", 60) : c == null ? null : c.category(),
        genres != null ? genres : c == null ? List.of() : c.genres(),
        images != null ? images : c == null ? List.of() : c.images(),
        lineup != null ? lineup : c == null ? List.of() : c.lineup(),
        in.has("venueId") ? in.uuid("venueId") : c == null ? null : c.venueId(),
        zone.getId(),
        start,
        ends,
        doors,
        in.has("ageRestriction")
            ? in.intValue("ageRestriction", 0, 99)
            : c == null ? null : c.ageRestriction(),
        c == null ? EventStatus.DRAFT : c.status(),
        new SalesWindow(salesStart, salesEnd),
        currency,
        in.has("attendeeNamesRequired")
            ? in.bool("attendeeNamesRequired")
            : c != null && c.attendeeNamesRequired(),
        hold != null ? hold : c == null ? 24 : c.counterHoldHours(),
        in.has("refundPolicy") ? refundPolicy(in) : c == null ? "[]" : c.refundPolicyJson(),
        in.has("organiserId") ? in.uuid("organiserId") : c == null ? null : c.organiserId());
  }

  private static String refundPolicy(JsonInput in) {
    List<JsonInput> windows = in.objects("refundPolicy", 20);
    List<RefundPolicy.Window> parsed = new ArrayList<>();
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (JsonInput w : windows) {
      Integer days = w.intValue("minDaysBefore", 0, 3650);
      Integer pct = w.intValue("refundPercent", 0, 100);
      if (days == null || pct == null) {
        throw ProblemException.invalid(
            w.name("minDaysBefore"), "each window needs minDaysBefore and refundPercent");
      }
      Long fee = w.longValue("feeMinor", 0, 100_000_000);
      Boolean transfer = w.bool("transferAllowed");
      Boolean exchange = w.bool("exchangeAllowed");
      Boolean approval = w.bool("approvalRequired");
      RefundPolicy.Window win =
          new RefundPolicy.Window(
              days,
              pct,
              fee == null ? 0 : fee,
              transfer == null || transfer,
              exchange != null && exchange,
              approval != null && approval);
      parsed.add(win);
      out.add(
          Json.createObjectBuilder()
              .add("minDaysBefore", win.minDaysBefore())
              .add("refundPercent", win.refundPercent())
              .add("feeMinor", win.feeMinor())
              .add("transferAllowed", win.transferAllowed())
              .add("exchangeAllowed", win.exchangeAllowed())
              .add("approvalRequired", win.approvalRequired()));
    }
    new RefundPolicy(parsed);
    return out.build().toString();
  }

  static TicketType ticketType(
      JsonInput in, TicketType c, UUID eventId, String eventCurrency, ZoneId zone) {
    String name = in.string("name", 120);
    if (name == null && c == null) {
      throw ProblemException.invalid("name", "name is required");
    }
    TicketKind kind;
    try {
      kind =
          in.has("kind")
              ? TicketKind.parse(in.string("kind", 20))
              : c == null ? TicketKind.PAID : c.kind();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "kind", "kind must be paid, free, donation, reward or complimentary");
    }
    Long price = in.longValue("priceMinor", 0, 100_000_000_000L);
    if (price == null && c == null) {
      if (!kind.isFreeOfCharge()) {
        throw ProblemException.invalid(
            "priceMinor", "priceMinor is required (minor units, e.g. 2500 = 25.00)");
      }
      price = 0L;
    }
    long p = price != null ? price : c.priceMinor();
    if (kind == TicketKind.PAID && p == 0) {
      throw ProblemException.invalid(
          "priceMinor", "a paid ticket needs a price above zero; use kind free");
    }
    String currency =
        in.has("currency") ? in.string("currency", 3).toUpperCase(Locale.ROOT) : eventCurrency;
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("currency", "unknown currency " + currency);
    }
    Integer capacity = in.intValue("capacity", 0, 10_000_000);
    if (capacity == null && c == null) {
      throw ProblemException.invalid("capacity", "capacity is required");
    }
    Integer min = in.intValue("minPerOrder", 1, 1000);
    Integer max = in.intValue("maxPerOrder", 1, 1000);
    int minV = min != null ? min : c == null ? 1 : c.minPerOrder();
    int maxV = max != null ? max : c == null ? 10 : c.maxPerOrder();
    if (maxV < minV) {
      throw ProblemException.invalid("maxPerOrder", "maxPerOrder must be at least minPerOrder");
    }
    Visibility visibility;
    try {
      visibility =
          in.has("visibility")
              ? Visibility.parse(in.string("visibility", 10))
              : c == null ? Visibility.PUBLIC : c.visibility();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("visibility", "visibility must be public, hidden or code");
    }
    String unlock =
        in.has("unlockCode") ? in.string("unlockCode", 60) : c == null ? null : c.unlockCode();
    if (visibility == Visibility.CODE && unlock == null) {
      throw ProblemException.invalid(
          "unlockCode", "a ticket type unlocked by code needs an unlockCode");
    }
    Instant ss =
        in.has("salesStart") ? in.time("salesStart", zone) : c == null ? null : c.sales().start();
    Instant se =
        in.has("salesEnd") ? in.time("salesEnd", zone) : c == null ? null : c.sales().end();
    if (ss != null && se != null && !se.isAfter(ss)) {
      throw ProblemException.invalid("salesEnd", "salesEnd must be after salesStart");
    }
    List<String> benefits = in.strings("benefits", 30, 200);
    Integer sort = in.intValue("sortOrder", -1000, 1000);
    return new TicketType(
        c == null ? null : c.id(),
        eventId,
        name != null ? name : c.name(),
        in.has("description") ? in.string("description", 1000) : c == null ? null : c.description(),
        kind,
        kind.isFreeOfCharge() ? 0 : p,
        currency,
        capacity != null ? capacity : c.capacity(),
        c == null ? 0 : c.taken(),
        c == null ? 0 : c.sold(),
        new SalesWindow(ss, se),
        minV,
        maxV,
        visibility,
        unlock,
        benefits != null ? benefits : c == null ? List.of() : c.benefits(),
        sort != null ? sort : c == null ? 0 : c.sortOrder());
  }

  static Quota quota(JsonInput in, UUID eventId) {
    String name = in.requiredString("name", 120);
    Integer capacity = in.intValue("capacity", 0, 10_000_000);
    if (capacity == null) {
      throw ProblemException.invalid("capacity", "capacity is required");
    }
    List<UUID> types = in.uuids("ticketTypeIds", 50);
    return new Quota(null, eventId, name, capacity, 0, types == null ? List.of() : types);
  }

  static PromoCode promo(JsonInput in, UUID eventId, ZoneId zone) {
    String code = in.requiredString("code", 40);
    if (!code.matches("[A-Za-z0-9_-]+")) {
      throw ProblemException.invalid("code", "code may hold letters, digits, - and _");
    }
    String kind = in.requiredString("kind", 10);
    boolean percent;
    if ("percent".equals(kind)) {
      percent = true;
    } else if ("fixed".equals(kind)) {
      percent = false;
    } else {
      throw ProblemException.invalid("kind", "kind must be percent or fixed");
    }
    Integer bp = in.intValue("percentBp", 1, 10_000);
    Long amount = in.longValue("amountMinor", 1, 100_000_000_000L);
    if (percent && bp == null) {
      throw ProblemException.invalid("percentBp", "a percent code needs percentBp (1000 = 10 %)");
    }
    if (!percent && amount == null) {
      throw ProblemException.invalid("amountMinor", "a fixed code needs amountMinor");
    }
    Instant from = in.time("validFrom", zone);
    Instant until = in.time("validUntil", zone);
    if (from != null && until != null && !until.isAfter(from)) {
      throw ProblemException.invalid("validUntil", "validUntil must be after validFrom");
    }
    return new PromoCode(
        null,
        eventId,
        code.toUpperCase(Locale.ROOT),
        percent,
        percent ? bp : null,
        percent ? null : amount,
        in.uuid("ticketTypeId"),
        in.intValue("maxUses", 1, 10_000_000),
        0,
        from,
        until);
  }

  static CommerceSettings settings(JsonInput in, CommerceSettings c) {
    String mode = in.string("taxMode", 9);
    if (mode != null && !mode.equals("inclusive") && !mode.equals("exclusive")) {
      throw ProblemException.invalid("taxMode", "taxMode must be inclusive or exclusive");
    }
    Integer rate = in.intValue("taxRateBp", 0, 10_000);
    Long fee = in.longValue("bookingFeeMinor", 0, 100_000_000);
    Integer hold = in.intValue("holdMinutes", 1, 120);
    String label = in.string("taxLabel", 40);
    return new CommerceSettings(
        new TaxRule(
            mode != null ? mode.equals("inclusive") : c.tax().inclusive(),
            rate != null ? rate : c.tax().rateBp()),
        label != null ? label : c.taxLabel(),
        fee != null ? fee : c.bookingFeeMinor(),
        hold != null ? hold : c.holdMinutes());
  }
}
