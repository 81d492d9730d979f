package io.marquee.catalog.infrastructure;

import static io.marquee.common.persistence.TenantSql.instant;
import static io.marquee.common.persistence.TenantSql.intOrNull;
import static io.marquee.common.persistence.TenantSql.strings;
import static io.marquee.common.persistence.TenantSql.uuid;

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
import io.marquee.common.persistence.TenantSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes the catalogue tables of one tenant schema. */
public final class CatalogStore {
  private final TenantSql sql;

  public CatalogStore(TenantSql sql) {
    this.sql = sql;
  }

  // Settings

  public CommerceSettings settings() {
    return sql.one(
            "SELECT * FROM {t}.commerce_settings WHERE id = 1",
            rs ->
                new CommerceSettings(
                    new TaxRule(
                        "inclusive".equals(rs.getString("tax_mode")), rs.getInt("tax_rate_bp")),
                    rs.getString("tax_label"),
                    rs.getLong("booking_fee_minor"),
                    rs.getInt("hold_minutes")))
        .orElseThrow();
  }

  public void saveSettings(CommerceSettings s) {
    sql.update(
        "UPDATE {t}.commerce_settings SET tax_mode = ?, tax_rate_bp = ?, tax_label = ?,"
            + " booking_fee_minor = ?, hold_minutes = ? WHERE id = 1",
        s.tax().inclusive() ? "inclusive" : "exclusive",
        s.tax().rateBp(),
        s.taxLabel(),
        s.bookingFeeMinor(),
        s.holdMinutes());
  }

  // Venues

  public List<Venue> venues() {
    return sql.list("SELECT * FROM {t}.venue ORDER BY name", CatalogStore::venue);
  }

  public Optional<Venue> venue(UUID id) {
    return sql.one("SELECT * FROM {t}.venue WHERE id = ?", CatalogStore::venue, id);
  }

  public void saveVenue(Venue v, boolean create) {
    Object[] args = {
      v.name(),
      v.address(),
      v.city(),
      v.latitude(),
      v.longitude(),
      v.capacity(),
      v.amenities().toArray(String[]::new),
      v.id()
    };
    sql.update(
        create
            ? "INSERT INTO {t}.venue (name, address, city, latitude, longitude, capacity, amenities,"
                + " id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            : "UPDATE {t}.venue SET name = ?, address = ?, city = ?, latitude = ?, longitude = ?,"
                + " capacity = ?, amenities = ? WHERE id = ?",
        args);
  }

  private static Venue venue(ResultSet rs) throws SQLException {
    return new Venue(
        uuid(rs, "id"),
        rs.getString("name"),
        rs.getString("address"),
        rs.getString("city"),
        rs.getBigDecimal("latitude"),
        rs.getBigDecimal("longitude"),
        intOrNull(rs, "capacity"),
        strings(rs, "amenities"));
  }

  // Organisers

  public List<io.marquee.catalog.domain.Organiser> organisers() {
    return sql.list("SELECT * FROM {t}.organiser ORDER BY name", CatalogStore::organiser);
  }

  public Optional<io.marquee.catalog.domain.Organiser> organiser(UUID id) {
    return sql.one("SELECT * FROM {t}.organiser WHERE id = ?", CatalogStore::organiser, id);
  }

  public Optional<io.marquee.catalog.domain.Organiser> organiserBySlug(String slug) {
    return sql.one("SELECT * FROM {t}.organiser WHERE slug = ?", CatalogStore::organiser, slug);
  }

  public void saveOrganiser(io.marquee.catalog.domain.Organiser o, boolean create) {
    sql.update(
        create
            ? "INSERT INTO {t}.organiser (slug, name, description, website, id) VALUES (?, ?, ?, ?,"
                + " ?)"
            : "UPDATE {t}.organiser SET slug = ?, name = ?, description = ?, website = ? WHERE id ="
                + " ?",
        o.slug(),
        o.name(),
        o.description(),
        o.website(),
        o.id());
  }

  private static io.marquee.catalog.domain.Organiser organiser(ResultSet rs) throws SQLException {
    return new io.marquee.catalog.domain.Organiser(
        uuid(rs, "id"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("website"));
  }

  // Events

  public Optional<Event> event(UUID id) {
    return sql.one("SELECT * FROM {t}.event WHERE id = ?", CatalogStore::event, id);
  }

  public Optional<Event> eventForUpdate(UUID id) {
    return sql.one("SELECT * FROM {t}.event WHERE id = ? FOR UPDATE", CatalogStore::event, id);
  }

  public Optional<Event> eventBySlug(String slug) {
    return sql.one("SELECT * FROM {t}.event WHERE slug = ?", CatalogStore::event, slug);
  }

  public boolean slugTaken(String slug, UUID except) {
    return sql.count(
            "SELECT count(*) FROM {t}.event WHERE slug = ? AND id <> ?",
            slug,
            except == null ? new UUID(0, 0) : except)
        > 0;
  }

  public List<Event> events(EventStatus status, int limit, int offset) {
    return status == null
        ? sql.list(
            "SELECT * FROM {t}.event ORDER BY starts_at DESC LIMIT ? OFFSET ?",
            CatalogStore::event,
            limit,
            offset)
        : sql.list(
            "SELECT * FROM {t}.event WHERE status = ? ORDER BY starts_at LIMIT ? OFFSET ?",
            CatalogStore::event,
            status.db(),
            limit,
            offset);
  }

  public List<Event> seriesDates(UUID seriesId) {
    return sql.list(
        "SELECT * FROM {t}.event WHERE series_id = ? ORDER BY starts_at",
        CatalogStore::event,
        seriesId);
  }

  public void insertEvent(Event e) {
    sql.update(
        "INSERT INTO {t}.event (title, slug, description, category, genres, images, lineup,"
            + " venue_id, time_zone, starts_at, ends_at, doors_at, age_restriction, sales_start,"
            + " sales_end, attendee_names_required, counter_hold_hours, refund_policy,"
            + " organiser_id, status, currency, series_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)",
        eventArgs(e, true));
  }

  public void updateEvent(Event e) {
    sql.update(
        "UPDATE {t}.event SET title = ?, slug = ?, description = ?, category = ?, genres = ?,"
            + " images = ?, lineup = ?, venue_id = ?, time_zone = ?, starts_at = ?, ends_at = ?,"
            + " doors_at = ?, age_restriction = ?, sales_start = ?, sales_end = ?,"
            + " attendee_names_required = ?, counter_hold_hours = ?, refund_policy = ?::jsonb,"
            + " organiser_id = ?, updated_at = now() WHERE id = ?",
        eventArgs(e, false));
  }

  private static Object[] eventArgs(Event e, boolean insert) {
    List<Object> a =
        new java.util.ArrayList<>(
            java.util.Arrays.asList(
                e.title(),
                e.slug(),
                e.description(),
                e.category(),
                e.genres().toArray(String[]::new),
                e.images().toArray(String[]::new),
                e.lineup().toArray(String[]::new),
                e.venueId(),
                e.timeZone(),
                e.startsAt(),
                e.endsAt(),
                e.doorsAt(),
                e.ageRestriction(),
                e.sales().start(),
                e.sales().end(),
                e.attendeeNamesRequired(),
                e.counterHoldHours(),
                e.refundPolicyJson(),
                e.organiserId()));
    if (insert) {
      a.add(e.status().db());
      a.add(e.currency());
      a.add(e.seriesId());
    }
    a.add(e.id());
    return a.toArray();
  }

  /** Moves the event to {@code next} only from {@code from}; false when someone else moved it. */
  public boolean transition(UUID id, EventStatus from, EventStatus next) {
    return sql.update(
            "UPDATE {t}.event SET status = ?, updated_at = now() WHERE id = ? AND status = ?",
            next.db(),
            id,
            from.db())
        == 1;
  }

  static Event event(ResultSet rs) throws SQLException {
    return new Event(
        uuid(rs, "id"),
        uuid(rs, "series_id"),
        rs.getString("slug"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("category"),
        strings(rs, "genres"),
        strings(rs, "images"),
        strings(rs, "lineup"),
        uuid(rs, "venue_id"),
        rs.getString("time_zone"),
        instant(rs, "starts_at"),
        instant(rs, "ends_at"),
        instant(rs, "doors_at"),
        intOrNull(rs, "age_restriction"),
        EventStatus.fromDb(rs.getString("status")),
        new SalesWindow(instant(rs, "sales_start"), instant(rs, "sales_end")),
        rs.getString("currency"),
        rs.getBoolean("attendee_names_required"),
        rs.getInt("counter_hold_hours"),
        rs.getString("refund_policy"),
        uuid(rs, "organiser_id"));
  }

  // Ticket types

  /** Sold is counted from valid tickets (partial index), not kept on the shared row. */
  private static final String TYPES =
      "SELECT tt.*, (SELECT count(*) FROM {t}.ticket k WHERE k.ticket_type_id = tt.id AND k.status ="
          + " 'valid') AS sold FROM {t}.ticket_type tt";

  public List<TicketType> ticketTypes(UUID eventId) {
    return sql.list(
        TYPES + " WHERE tt.event_id = ? ORDER BY tt.sort_order, tt.name",
        CatalogStore::ticketType,
        eventId);
  }

  public Optional<TicketType> ticketType(UUID id) {
    return sql.one(TYPES + " WHERE tt.id = ?", CatalogStore::ticketType, id);
  }

  public void insertTicketType(TicketType t) {
    sql.update(
        "INSERT INTO {t}.ticket_type (name, description, kind, price_minor, capacity, sales_start,"
            + " sales_end, min_per_order, max_per_order, visibility, unlock_code, benefits,"
            + " sort_order, currency, event_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?)",
        typeArgs(t, true));
  }

  /** Updates a type; the CHECK constraint refuses a capacity below what is already taken. */
  public void updateTicketType(TicketType t) {
    sql.update(
        "UPDATE {t}.ticket_type SET name = ?, description = ?, kind = ?, price_minor = ?,"
            + " capacity = ?, sales_start = ?, sales_end = ?, min_per_order = ?, max_per_order = ?,"
            + " visibility = ?, unlock_code = ?, benefits = ?, sort_order = ? WHERE id = ?",
        typeArgs(t, false));
  }

  private static Object[] typeArgs(TicketType t, boolean insert) {
    List<Object> a =
        new java.util.ArrayList<>(
            java.util.Arrays.asList(
                t.name(),
                t.description(),
                t.kind().db(),
                t.priceMinor(),
                t.capacity(),
                t.sales().start(),
                t.sales().end(),
                t.minPerOrder(),
                t.maxPerOrder(),
                t.visibility().db(),
                t.unlockCode(),
                t.benefits().toArray(String[]::new),
                t.sortOrder()));
    if (insert) {
      a.add(t.currency());
      a.add(t.eventId());
    }
    a.add(t.id());
    return a.toArray();
  }

  private static TicketType ticketType(ResultSet rs) throws SQLException {
    return new TicketType(
        uuid(rs, "id"),
        uuid(rs, "event_id"),
        rs.getString("name"),
        rs.getString("description"),
        TicketKind.parse(rs.getString("kind")),
        rs.getLong("price_minor"),
        rs.getString("currency"),
        rs.getInt("capacity"),
        rs.getInt("taken"),
        rs.getInt("sold"),
        new SalesWindow(instant(rs, "sales_start"), instant(rs, "sales_end")),
        rs.getInt("min_per_order"),
        rs.getInt("max_per_order"),
        Visibility.parse(rs.getString("visibility")),
        rs.getString("unlock_code"),
        strings(rs, "benefits"),
        rs.getInt("sort_order"));
  }

  // Quotas

  public List<Quota> quotas(UUID eventId) {
    return sql.list(
        "SELECT q.*, ARRAY(SELECT m.ticket_type_id::text FROM {t}.quota_member m WHERE m.quota_id"
            + " = q.id) AS members FROM {t}.quota q WHERE q.event_id = ? ORDER BY q.name",
        rs ->
            new Quota(
                uuid(rs, "id"),
                uuid(rs, "event_id"),
                rs.getString("name"),
                rs.getInt("capacity"),
                rs.getInt("taken"),
                strings(rs, "members").stream().map(UUID::fromString).toList()),
        eventId);
  }

  public void insertQuota(Quota q) {
    sql.update(
        "INSERT INTO {t}.quota (id, event_id, name, capacity) VALUES (?, ?, ?, ?)",
        q.id(),
        q.eventId(),
        q.name(),
        q.capacity());
    for (UUID type : q.ticketTypeIds()) {
      sql.update(
          "INSERT INTO {t}.quota_member (quota_id, ticket_type_id) VALUES (?, ?)", q.id(), type);
    }
  }

  // Promo codes

  public List<PromoCode> promoCodes(UUID eventId) {
    return sql.list(
        "SELECT * FROM {t}.promo_code WHERE event_id = ? ORDER BY code",
        CatalogStore::promo,
        eventId);
  }

  public Optional<PromoCode> promoCode(UUID eventId, String code) {
    return sql.one(
        "SELECT * FROM {t}.promo_code WHERE event_id = ? AND upper(code) = upper(?)",
        CatalogStore::promo,
        eventId,
        code);
  }

  public void insertPromo(PromoCode p) {
    sql.update(
        "INSERT INTO {t}.promo_code (id, event_id, code, kind, percent_bp, amount_minor,"
            + " ticket_type_id, max_uses, valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?)",
        p.id(),
        p.eventId(),
        p.code(),
        p.percent() ? "percent" : "fixed",
        p.percentBp(),
        p.amountMinor(),
        p.ticketTypeId(),
        p.maxUses(),
        p.validFrom(),
        p.validUntil());
  }

  private static PromoCode promo(ResultSet rs) throws SQLException {
    return new PromoCode(
        uuid(rs, "id"),
        uuid(rs, "event_id"),
        rs.getString("code"),
        "percent".equals(rs.getString("kind")),
        intOrNull(rs, "percent_bp"),
        TenantSql.longOrNull(rs, "amount_minor"),
        uuid(rs, "ticket_type_id"),
        intOrNull(rs, "max_uses"),
        rs.getInt("used"),
        instant(rs, "valid_from"),
        instant(rs, "valid_until"));
  }
}
