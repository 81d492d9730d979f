package io.marquee.ordering.infrastructure;

import static io.marquee.common.persistence.TenantSql.instant;
import static io.marquee.common.persistence.TenantSql.strings;
import static io.marquee.common.persistence.TenantSql.uuid;

import io.marquee.common.persistence.TenantSql;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderLine;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.ticketing.domain.Ticket;
import io.marquee.ticketing.domain.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders, their lines and tickets, and the inventory counters they move, in one tenant schema. */
public final class OrderStore {
  private final TenantSql sql;

  public OrderStore(TenantSql sql) {
    this.sql = sql;
  }

  public TenantSql sql() {
    return sql;
  }

  // Inventory: each statement succeeds only if capacity allows; PostgreSQL decides under row locks.

  public boolean takeTicketType(UUID typeId, int quantity) {
    return sql.update(
            "UPDATE {t}.ticket_type SET taken = taken + ? WHERE id = ? AND taken + ? <= capacity",
            quantity,
            typeId,
            quantity)
        == 1;
  }

  public boolean takeQuota(UUID quotaId, int quantity) {
    return sql.update(
            "UPDATE {t}.quota SET taken = taken + ? WHERE id = ? AND taken + ? <= capacity",
            quantity,
            quotaId,
            quantity)
        == 1;
  }

  public void releaseTicketType(UUID typeId, int quantity) {
    sql.update("UPDATE {t}.ticket_type SET taken = taken - ? WHERE id = ?", quantity, typeId);
  }

  public void releaseQuota(UUID quotaId, int quantity) {
    sql.update("UPDATE {t}.quota SET taken = taken - ? WHERE id = ?", quantity, quotaId);
  }

  /** Quota ids per ticket type of the given types, for taking and releasing shared capacity. */
  public List<UUID[]> quotaMemberships(List<UUID> typeIds) {
    return sql.list(
        "SELECT quota_id, ticket_type_id FROM {t}.quota_member WHERE ticket_type_id = ANY(?)",
        rs -> new UUID[] {uuid(rs, "quota_id"), uuid(rs, "ticket_type_id")},
        (Object) typeIds.toArray(UUID[]::new));
  }

  public boolean usePromo(UUID promoId) {
    return sql.update(
            "UPDATE {t}.promo_code SET used = used + 1 WHERE id = ? AND (max_uses IS NULL OR used <"
                + " max_uses)",
            promoId)
        == 1;
  }

  public void unusePromo(UUID promoId) {
    sql.update("UPDATE {t}.promo_code SET used = used - 1 WHERE id = ?", promoId);
  }

  // Orders

  public String nextNumber(String prefix) {
    return prefix + "-" + sql.count("SELECT nextval('{t}.order_number_seq')");
  }

  public void insert(Order o) {
    sql.update(
        "INSERT INTO {t}.orders (id, number, access_token, event_id, status, buyer_name,"
            + " buyer_email, buyer_phone, currency, subtotal_minor, discount_minor, fee_minor,"
            + " tax_minor, total_minor, promo_code_id, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?)",
        o.id(),
        o.number(),
        o.accessToken(),
        o.eventId(),
        o.status().db(),
        o.buyerName(),
        o.buyerEmail(),
        o.buyerPhone(),
        o.currency(),
        o.subtotal(),
        o.discount(),
        o.fee(),
        o.tax(),
        o.total(),
        o.promoCodeId(),
        o.expiresAt());
  }

  public void insertLine(OrderLine l) {
    sql.update(
        "INSERT INTO {t}.order_line (id, order_id, ticket_type_id, quantity, unit_price_minor,"
            + " attendee_names) VALUES (?, ?, ?, ?, ?, ?)",
        l.id(),
        l.orderId(),
        l.ticketTypeId(),
        l.quantity(),
        l.unitPrice(),
        l.attendees().toArray(String[]::new));
  }

  public Optional<Order> find(UUID id) {
    return sql.one("SELECT * FROM {t}.orders WHERE id = ?", OrderStore::order, id);
  }

  public Optional<Order> lock(UUID id) {
    return sql.one("SELECT * FROM {t}.orders WHERE id = ? FOR UPDATE", OrderStore::order, id);
  }

  public Optional<Order> byCounterCode(String code) {
    return sql.one(
        "SELECT * FROM {t}.orders WHERE counter_code = ? FOR UPDATE", OrderStore::order, code);
  }

  public Optional<Order> byNumber(String number) {
    return sql.one("SELECT * FROM {t}.orders WHERE number = ?", OrderStore::order, number);
  }

  /** Staff search by number, buyer name or email, optionally by status and event. */
  public List<Order> search(String q, OrderStatus status, UUID eventId, int limit, int offset) {
    String like = q == null ? null : "%" + q.toLowerCase(java.util.Locale.ROOT) + "%";
    return sql.list(
        "SELECT * FROM {t}.orders WHERE (?::text IS NULL OR lower(number) LIKE ? OR"
            + " lower(buyer_name) LIKE ? OR lower(buyer_email) LIKE ?) AND (?::text IS NULL OR"
            + " status = ?) AND (?::uuid IS NULL OR event_id = ?) ORDER BY created_at DESC LIMIT ?"
            + " OFFSET ?",
        OrderStore::order,
        like,
        like,
        like,
        like,
        status == null ? null : status.db(),
        status == null ? null : status.db(),
        eventId,
        eventId,
        limit,
        offset);
  }

  /** Moves an order from {@code from} to {@code to}; false if it was not in {@code from}. */
  public boolean transition(UUID id, OrderStatus from, OrderStatus to) {
    return sql.update(
            "UPDATE {t}.orders SET status = ?, updated_at = now(),"
                + " paid_at = CASE WHEN ? = 'paid' THEN now() ELSE paid_at END"
                + " WHERE id = ? AND status = ?",
            to.db(),
            to.db(),
            id,
            from.db())
        == 1;
  }

  public void setPayment(
      UUID id, String provider, String counterCode, java.time.Instant expiresAt) {
    sql.update(
        "UPDATE {t}.orders SET payment_provider = ?, counter_code = ?, expires_at = ?, updated_at ="
            + " now() WHERE id = ?",
        provider,
        counterCode,
        expiresAt,
        id);
  }

  public void addRefunded(UUID id, long amount, OrderStatus status) {
    sql.update(
        "UPDATE {t}.orders SET refunded_minor = refunded_minor + ?, status = ?, updated_at = now()"
            + " WHERE id = ?",
        amount,
        status.db(),
        id);
  }

  public boolean hasDueHolds(UUID eventId) {
    return sql.count(
            "SELECT count(*) FROM (SELECT 1 FROM {t}.orders WHERE status = 'pending' AND expires_at"
                + " <= now() AND event_id = ? LIMIT 1) x",
            eventId)
        > 0;
  }

  /** Pending orders whose hold ran out, oldest first, skipping rows another worker has locked. */
  public List<UUID> dueForExpiry(UUID eventId, int limit) {
    return sql.list(
        "SELECT id FROM {t}.orders WHERE status = 'pending' AND expires_at <= now() AND (?::uuid"
            + " IS NULL OR event_id = ?) ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED",
        rs -> uuid(rs, "id"),
        eventId,
        eventId,
        limit);
  }

  public List<OrderLine> lines(UUID orderId) {
    return sql.list(
        "SELECT * FROM {t}.order_line WHERE order_id = ? ORDER BY id",
        rs ->
            new OrderLine(
                uuid(rs, "id"),
                uuid(rs, "order_id"),
                uuid(rs, "ticket_type_id"),
                rs.getInt("quantity"),
                rs.getLong("unit_price_minor"),
                strings(rs, "attendee_names")),
        orderId);
  }

  static Order order(ResultSet rs) throws SQLException {
    return new Order(
        uuid(rs, "id"),
        rs.getString("number"),
        rs.getString("access_token"),
        uuid(rs, "event_id"),
        OrderStatus.fromDb(rs.getString("status")),
        rs.getString("buyer_name"),
        rs.getString("buyer_email"),
        rs.getString("buyer_phone"),
        rs.getString("currency"),
        rs.getLong("subtotal_minor"),
        rs.getLong("discount_minor"),
        rs.getLong("fee_minor"),
        rs.getLong("tax_minor"),
        rs.getLong("total_minor"),
        rs.getLong("refunded_minor"),
        uuid(rs, "promo_code_id"),
        rs.getString("payment_provider"),
        rs.getString("counter_code"),
        instant(rs, "expires_at"),
        instant(rs, "paid_at"),
        instant(rs, "created_at"));
  }

  // Tickets

  public void insertTicket(Ticket t) {
    sql.update(
        "INSERT INTO {t}.ticket (id, order_id, event_id, ticket_type_id, holder_name,"
            + " holder_email, status, serial, price_minor, discount_minor, fee_minor, tax_minor,"
            + " amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.id(),
        t.orderId(),
        t.eventId(),
        t.ticketTypeId(),
        t.holderName(),
        t.holderEmail(),
        t.status().db(),
        t.serial(),
        t.price(),
        t.discount(),
        t.fee(),
        t.tax(),
        t.amount());
  }

  public List<Ticket> tickets(UUID orderId) {
    return sql.list(
        "SELECT * FROM {t}.ticket WHERE order_id = ? ORDER BY id", OrderStore::ticket, orderId);
  }

  public Optional<Ticket> ticket(UUID id) {
    return sql.one("SELECT * FROM {t}.ticket WHERE id = ?", OrderStore::ticket, id);
  }

  public int issueTickets(UUID orderId) {
    return sql.update(
        "UPDATE {t}.ticket SET status = 'valid', issued_at = now() WHERE order_id = ? AND status ="
            + " 'held'",
        orderId);
  }

  public void deleteHeldTickets(UUID orderId) {
    sql.update("DELETE FROM {t}.ticket WHERE order_id = ? AND status = 'held'", orderId);
  }

  /**
   * Moves a ticket between statuses; false when it was not in {@code from} (e.g. refunded twice).
   */
  public boolean ticketTransition(UUID id, TicketStatus from, TicketStatus to) {
    return sql.update(
            "UPDATE {t}.ticket SET status = ? WHERE id = ? AND status = ?", to.db(), id, from.db())
        == 1;
  }

  static Ticket ticket(ResultSet rs) throws SQLException {
    return new Ticket(
        uuid(rs, "id"),
        uuid(rs, "order_id"),
        uuid(rs, "event_id"),
        uuid(rs, "ticket_type_id"),
        rs.getString("holder_name"),
        rs.getString("holder_email"),
        TicketStatus.fromDb(rs.getString("status")),
        rs.getInt("serial"),
        rs.getLong("price_minor"),
        rs.getLong("discount_minor"),
        rs.getLong("fee_minor"),
        rs.getLong("tax_minor"),
        rs.getLong("amount_minor"),
        instant(rs, "issued_at"));
  }
}
