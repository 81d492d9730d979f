package io.marquee.catalog.application;

import io.marquee.catalog.domain.CommerceSettings;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.EventStatus;
import io.marquee.catalog.domain.PromoCode;
import io.marquee.catalog.domain.Quota;
import io.marquee.catalog.domain.TicketType;
import io.marquee.catalog.domain.Venue;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.common.problem.ProblemException;
import io.marquee.integration.application.Outbox;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Venues, events, ticket types, quotas, promo codes and selling settings of a tenant. */
@ApplicationScoped
@Transactional
public class CatalogService {
  @Inject Sql sql;

  public CatalogStore store(TenantSnapshot t) {
    return new CatalogStore(sql.in(t.schema()));
  }

  public CommerceSettings settings(TenantSnapshot t) {
    return store(t).settings();
  }

  public CommerceSettings saveSettings(TenantSnapshot t, CommerceSettings s) {
    store(t).saveSettings(s);
    return s;
  }

  // Venues

  public Venue createVenue(TenantSnapshot t, Venue v) {
    Venue created =
        new Venue(
            UUID.randomUUID(),
            v.name(),
            v.address(),
            v.city(),
            v.latitude(),
            v.longitude(),
            v.capacity(),
            v.amenities());
    store(t).saveVenue(created, true);
    return created;
  }

  public Venue updateVenue(TenantSnapshot t, Venue v) {
    venue(t, v.id());
    store(t).saveVenue(v, false);
    return v;
  }

  public Venue venue(TenantSnapshot t, UUID id) {
    return store(t).venue(id).orElseThrow(() -> ProblemException.notFound("no such venue"));
  }

  // Events

  public Event event(TenantSnapshot t, UUID id) {
    return store(t).event(id).orElseThrow(() -> ProblemException.notFound("no such event"));
  }

  public Event createEvent(TenantSnapshot t, Event draft) {
    UUID id = UUID.randomUUID();
    Event e =
        copy(draft, id, draft.seriesId() == null ? id : draft.seriesId(), uniqueSlug(t, draft));
    checkVenue(t, e.venueId());
    checkOrganiser(t, e.organiserId());
    store(t).insertEvent(e);
    return e;
  }

  public Event updateEvent(TenantSnapshot t, Event changed) {
    Event current = event(t, changed.id());
    if (current.status() == EventStatus.CANCELLED || current.status() == EventStatus.COMPLETED) {
      throw ProblemException.conflict(
          "status", "a " + current.status().db() + " event cannot be edited");
    }
    if (!current.slug().equals(changed.slug())
        && store(t).slugTaken(changed.slug(), changed.id())) {
      throw ProblemException.conflict(
          "slug", "another event already uses the slug " + changed.slug());
    }
    checkVenue(t, changed.venueId());
    checkOrganiser(t, changed.organiserId());
    store(t).updateEvent(changed);
    return event(t, changed.id());
  }

  public Event publish(TenantSnapshot t, UUID id) {
    Event e = event(t, id);
    if (e.status() == EventStatus.PUBLISHED) {
      return e;
    }
    if (!e.status().canBecome(EventStatus.PUBLISHED)) {
      throw ProblemException.conflict(
          "status", "a " + e.status().db() + " event cannot be published");
    }
    if (store(t).ticketTypes(id).isEmpty()) {
      throw ProblemException.unprocessable(
          "ticketTypes", "add at least one ticket type before publishing");
    }
    if (!store(t).transition(id, EventStatus.DRAFT, EventStatus.PUBLISHED)) {
      throw ProblemException.conflict("status", "the event changed meanwhile; reload and retry");
    }
    Outbox.append(
        sql.in(t.schema()),
        "event.published",
        id,
        Json.createObjectBuilder().add("eventId", id.toString()).add("slug", e.slug()).build());
    return event(t, id);
  }

  public Event complete(TenantSnapshot t, UUID id) {
    Event e = event(t, id);
    if (!store(t).transition(id, EventStatus.PUBLISHED, EventStatus.COMPLETED)) {
      throw ProblemException.conflict(
          "status", "only a published event can be completed (it is " + e.status().db() + ")");
    }
    Outbox.append(
        sql.in(t.schema()),
        "event.ended",
        id,
        Json.createObjectBuilder().add("eventId", id.toString()).build());
    return event(t, id);
  }

  /** Marks the event cancelled; the caller then refunds its orders one by one. */
  public Event markCancelled(TenantSnapshot t, UUID id) {
    Event e =
        store(t).eventForUpdate(id).orElseThrow(() -> ProblemException.notFound("no such event"));
    if (e.status() == EventStatus.CANCELLED) {
      return e;
    }
    if (!e.status().canBecome(EventStatus.CANCELLED)) {
      throw ProblemException.conflict(
          "status", "a " + e.status().db() + " event cannot be cancelled");
    }
    store(t).transition(id, e.status(), EventStatus.CANCELLED);
    Outbox.append(
        sql.in(t.schema()),
        "event.cancelled",
        id,
        Json.createObjectBuilder().add("eventId", id.toString()).build());
    return event(t, id);
  }

  /**
   * Copies an event as a new draft: as a template (new series) or as another date of the same
   * series shifted to {@code newStart}. Ticket types, quotas and promo codes come along, unsold.
   */
  public Event duplicate(
      TenantSnapshot t, UUID id, java.time.Instant newStart, boolean sameSeries, String title) {
    Event src = event(t, id);
    java.time.Instant start = newStart != null ? newStart : src.startsAt();
    Duration shift = Duration.between(src.startsAt(), start);
    UUID newId = UUID.randomUUID();
    Event draft =
        new Event(
            newId,
            sameSeries ? src.seriesId() : newId,
            null,
            title != null ? title : src.title(),
            src.description(),
            src.category(),
            src.genres(),
            src.images(),
            src.lineup(),
            src.venueId(),
            src.timeZone(),
            start,
            plus(src.endsAt(), shift),
            plus(src.doorsAt(), shift),
            src.ageRestriction(),
            EventStatus.DRAFT,
            new io.marquee.catalog.domain.SalesWindow(
                plus(src.sales().start(), shift), plus(src.sales().end(), shift)),
            src.currency(),
            src.attendeeNamesRequired(),
            src.counterHoldHours(),
            src.refundPolicyJson(),
            src.organiserId());
    Event e = copy(draft, newId, draft.seriesId(), uniqueSlug(t, draft));
    CatalogStore store = store(t);
    store.insertEvent(e);
    java.util.Map<UUID, UUID> typeIds = new java.util.HashMap<>();
    for (TicketType tt : store.ticketTypes(id)) {
      UUID nt = UUID.randomUUID();
      typeIds.put(tt.id(), nt);
      store.insertTicketType(
          new TicketType(
              nt,
              newId,
              tt.name(),
              tt.description(),
              tt.kind(),
              tt.priceMinor(),
              tt.currency(),
              tt.capacity(),
              0,
              0,
              new io.marquee.catalog.domain.SalesWindow(
                  plus(tt.sales().start(), shift), plus(tt.sales().end(), shift)),
              tt.minPerOrder(),
              tt.maxPerOrder(),
              tt.visibility(),
              tt.unlockCode(),
              tt.benefits(),
              tt.sortOrder()));
    }
    for (Quota q : store.quotas(id)) {
      store.insertQuota(
          new Quota(
              UUID.randomUUID(),
              newId,
              q.name(),
              q.capacity(),
              0,
              q.ticketTypeIds().stream().map(typeIds::get).toList()));
    }
    for (PromoCode p : store.promoCodes(id)) {
      store.insertPromo(
          new PromoCode(
              UUID.randomUUID(),
              newId,
              p.code(),
              p.percent(),
              p.percentBp(),
              p.amountMinor(),
              p.ticketTypeId() == null ? null : typeIds.get(p.ticketTypeId()),
              p.maxUses(),
              0,
              plus(p.validFrom(), shift),
              plus(p.validUntil(), shift)));
    }
    return e;
  }

  private static java.time.Instant plus(java.time.Instant t, Duration d) {
    return t == null ? null : t.plus(d);
  }

  // Ticket types, quotas, promo codes

  public TicketType addTicketType(TenantSnapshot t, TicketType draft) {
    Event e = editable(t, draft.eventId());
    if (!e.currency().equals(draft.currency())) {
      throw ProblemException.unprocessable(
          "currency", "ticket types of this event are priced in " + e.currency());
    }
    TicketType tt = withId(draft, UUID.randomUUID());
    store(t).insertTicketType(tt);
    return tt;
  }

  public TicketType updateTicketType(TenantSnapshot t, TicketType changed) {
    TicketType current = ticketType(t, changed.id());
    editable(t, current.eventId());
    if (!current.currency().equals(changed.currency())) {
      throw ProblemException.unprocessable(
          "currency", "ticket types of this event are priced in " + current.currency());
    }
    if (changed.capacity() < current.taken()) {
      throw ProblemException.unprocessable(
          "capacity",
          current.taken() + " tickets are already sold or held; capacity cannot go below that");
    }
    try {
      store(t).updateTicketType(changed);
    } catch (TenantSql.SqlFailure f) {
      if (f.isCheckViolation()) {
        throw ProblemException.conflict(
            "capacity", "tickets were sold meanwhile; capacity cannot go below what is taken");
      }
      throw f;
    }
    return ticketType(t, changed.id());
  }

  public TicketType ticketType(TenantSnapshot t, UUID id) {
    return store(t)
        .ticketType(id)
        .orElseThrow(() -> ProblemException.notFound("no such ticket type"));
  }

  public Quota addQuota(TenantSnapshot t, Quota draft) {
    editable(t, draft.eventId());
    List<UUID> eventTypes =
        store(t).ticketTypes(draft.eventId()).stream().map(TicketType::id).toList();
    if (draft.ticketTypeIds().isEmpty() || !eventTypes.containsAll(draft.ticketTypeIds())) {
      throw ProblemException.invalid(
          "ticketTypeIds", "a quota must name ticket types of this event");
    }
    if (new HashSet<>(draft.ticketTypeIds()).size() != draft.ticketTypeIds().size()) {
      throw ProblemException.invalid("ticketTypeIds", "a ticket type is named twice");
    }
    Quota q =
        new Quota(
            UUID.randomUUID(),
            draft.eventId(),
            draft.name(),
            draft.capacity(),
            0,
            draft.ticketTypeIds());
    store(t).insertQuota(q);
    return q;
  }

  public PromoCode addPromoCode(TenantSnapshot t, PromoCode draft) {
    editable(t, draft.eventId());
    if (draft.ticketTypeId() != null
        && !ticketType(t, draft.ticketTypeId()).eventId().equals(draft.eventId())) {
      throw ProblemException.invalid("ticketTypeId", "the ticket type belongs to another event");
    }
    if (store(t).promoCode(draft.eventId(), draft.code()).isPresent()) {
      throw ProblemException.conflict("code", "this event already has the code " + draft.code());
    }
    PromoCode p =
        new PromoCode(
            UUID.randomUUID(),
            draft.eventId(),
            draft.code(),
            draft.percent(),
            draft.percentBp(),
            draft.amountMinor(),
            draft.ticketTypeId(),
            draft.maxUses(),
            0,
            draft.validFrom(),
            draft.validUntil());
    store(t).insertPromo(p);
    return p;
  }

  private Event editable(TenantSnapshot t, UUID eventId) {
    Event e = event(t, eventId);
    if (e.status() == EventStatus.CANCELLED || e.status() == EventStatus.COMPLETED) {
      throw ProblemException.conflict(
          "status", "a " + e.status().db() + " event cannot be changed");
    }
    return e;
  }

  private void checkOrganiser(TenantSnapshot t, UUID organiserId) {
    if (organiserId != null && store(t).organiser(organiserId).isEmpty()) {
      throw ProblemException.invalid("organiserId", "no such organiser");
    }
  }

  /** Creates or changes an organiser; its slug (for its page) is unique within the tenant. */
  public io.marquee.catalog.domain.Organiser saveOrganiser(
      TenantSnapshot t, io.marquee.catalog.domain.Organiser o) {
    boolean create = o.id() == null;
    String slug = o.slug() != null ? slugify(o.slug()) : slugify(o.name());
    var taken = store(t).organiserBySlug(slug);
    if (taken.isPresent() && !taken.get().id().equals(o.id())) {
      throw ProblemException.conflict("slug", "another organiser already uses the slug " + slug);
    }
    var saved =
        new io.marquee.catalog.domain.Organiser(
            create ? UUID.randomUUID() : o.id(), slug, o.name(), o.description(), o.website());
    store(t).saveOrganiser(saved, create);
    return saved;
  }

  public io.marquee.catalog.domain.Organiser organiser(TenantSnapshot t, UUID id) {
    return store(t).organiser(id).orElseThrow(() -> ProblemException.notFound("no such organiser"));
  }

  private void checkVenue(TenantSnapshot t, UUID venueId) {
    if (venueId != null && store(t).venue(venueId).isEmpty()) {
      throw ProblemException.invalid("venueId", "no such venue");
    }
  }

  private String uniqueSlug(TenantSnapshot t, Event e) {
    String base =
        e.slug() != null
            ? e.slug()
            : slugify(
                e.title()
                    + " "
                    + e.startsAt().atZone(java.time.ZoneId.of(e.timeZone())).toLocalDate());
    if (e.slug() != null) {
      if (store(t).slugTaken(base, null)) {
        throw ProblemException.conflict("slug", "another event already uses the slug " + base);
      }
      return base;
    }
    String candidate = base;
    for (int i = 2; store(t).slugTaken(candidate, null); i++) {
      candidate = base + "-" + i;
    }
    return candidate;
  }

  public static String slugify(String s) {
    String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "event" : slug.substring(0, Math.min(slug.length(), 100));
  }

  private static Event copy(Event e, UUID id, UUID seriesId, String slug) {
    return new Event(
        id,
        seriesId,
        slug,
        e.title(),
        e.description(),
        e.category(),
        e.genres(),
        e.images(),
        e.lineup(),
        e.venueId(),
        e.timeZone(),
        e.startsAt(),
        e.endsAt(),
        e.doorsAt(),
        e.ageRestriction(),
        EventStatus.DRAFT,
        e.sales(),
        e.currency(),
        e.attendeeNamesRequired(),
        e.counterHoldHours(),
        e.refundPolicyJson(),
        e.organiserId());
  }

  private static TicketType withId(TicketType t, UUID id) {
    return new TicketType(
        id,
        t.eventId(),
        t.name(),
        t.description(),
        t.kind(),
        t.priceMinor(),
        t.currency(),
        t.capacity(),
        0,
        0,
        t.sales(),
        t.minPerOrder(),
        t.maxPerOrder(),
        t.visibility(),
        t.unlockCode(),
        t.benefits(),
        t.sortOrder());
  }

  /** Events a buyer may see: published, newest date first limited to upcoming ones. */
  public List<Event> publicEvents(TenantSnapshot t, int limit, int offset) {
    List<Event> out = new ArrayList<>();
    for (Event e : store(t).events(EventStatus.PUBLISHED, limit, offset)) {
      out.add(e);
    }
    return out;
  }

  /** The storefront search: published, not yet ended events matching the query. */
  public io.marquee.catalog.domain.EventPage search(
      TenantSnapshot t, io.marquee.catalog.domain.EventQuery q) {
    return new io.marquee.catalog.infrastructure.EventSearchStore(sql.in(t.schema())).search(q);
  }

  public io.marquee.catalog.infrastructure.EventSearchStore.Facets facets(TenantSnapshot t) {
    return new io.marquee.catalog.infrastructure.EventSearchStore(sql.in(t.schema())).facets();
  }
}
