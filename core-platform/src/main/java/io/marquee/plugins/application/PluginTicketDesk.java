package io.marquee.plugins.application;

import io.marquee.common.persistence.TenantSql;
import io.marquee.common.problem.ProblemException;
import io.marquee.ordering.application.PaymentService;
import io.marquee.plugin.api.TicketDesk;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.application.TicketService;
import io.marquee.ticketing.domain.TicketCodes;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's side of {@link TicketDesk} for one tenant: the core's own code check, keys and
 * revocations, and its counter payment (ledger included). A plugin sees value types only.
 */
record PluginTicketDesk(
    TenantSnapshot tenant, TenantSql sql, TicketService tickets, PaymentService payments)
    implements TicketDesk {

  private static UUID id(String field, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(field + " is not an id: " + value);
    }
  }

  private static final String TICKET =
      "SELECT k.id, k.serial, k.status, k.holder_name, k.holder_email, k.event_id, tt.name AS"
          + " type, o.number FROM {t}.ticket k JOIN {t}.ticket_type tt ON tt.id ="
          + " k.ticket_type_id JOIN {t}.orders o ON o.id = k.order_id";

  @Override
  public CodeCheck check(String eventId, String code) {
    UUID event = id("eventId", eventId);
    TicketCodes.Result r = tickets.verify(tenant, event, code == null ? "" : code.strip());
    Verdict verdict = Verdict.valueOf(r.verdict().name());
    if (r.verdict() == TicketCodes.Verdict.UNKNOWN_KEY
        && r.claims() != null
        && r.claims().tenant().equals(tenant.slug())
        && !r.claims().eventId().equals(event)) {
      // Keys are per event: a code of another of this tenant's events is checked with that
      // event's keys, so a genuine ticket for the wrong night says so (a forged one stays invalid).
      TicketCodes.Result other = tickets.verify(tenant, r.claims().eventId(), code.strip());
      if (other.valid() || other.verdict() == TicketCodes.Verdict.REVOKED) {
        return new CodeCheck(
            Verdict.WRONG_EVENT,
            r.claims().eventId().toString(),
            r.claims().ticketId().toString(),
            r.claims().serial(),
            null,
            null,
            null,
            null);
      }
    }
    if (r.claims() == null) {
      return new CodeCheck(verdict, eventId, null, 0, null, null, null, null);
    }
    UUID ticketId = r.claims().ticketId();
    int serial = r.claims().serial();
    // Only a code whose signature held tells us which ticket it is; a forged one names nothing.
    if (verdict == Verdict.BAD_SIGNATURE
        || verdict == Verdict.UNKNOWN_KEY
        || verdict == Verdict.WRONG_TENANT) {
      return new CodeCheck(verdict, eventId, null, 0, null, null, null, null);
    }
    return sql.one(
            TICKET + " WHERE k.id = ?",
            rs ->
                new CodeCheck(
                    // a code older than the ticket's current one was replaced (transfer)
                    verdict == Verdict.VALID && rs.getInt("serial") != serial
                        ? Verdict.REVOKED
                        : verdict,
                    rs.getString("event_id"),
                    rs.getString("id"),
                    serial,
                    rs.getString("status"),
                    rs.getString("holder_name"),
                    rs.getString("type"),
                    rs.getString("number")),
            ticketId)
        .orElse(
            new CodeCheck(verdict, eventId, ticketId.toString(), serial, null, null, null, null));
  }

  @Override
  public OfflineKit offlineKit(String eventId) {
    UUID event = id("eventId", eventId);
    Map<String, String> keys = new LinkedHashMap<>();
    tickets
        .keys(tenant, event)
        .forEach(k -> keys.put(k.kid(), Base64.getEncoder().encodeToString(k.x509())));
    List<Revoked> revoked =
        tickets.revocations(tenant, event).stream()
            .map(r -> new Revoked(r.ticketId().toString(), r.serial()))
            .sorted(java.util.Comparator.comparing(Revoked::ticketId))
            .toList();
    return new OfflineKit(tenant.slug(), eventId, keys, revoked, Instant.now());
  }

  private static TicketSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TicketSummary(
        rs.getString("id"),
        rs.getString("holder_name"),
        rs.getString("holder_email"),
        rs.getString("type"),
        rs.getString("status"),
        rs.getString("number"));
  }

  @Override
  public List<TicketSummary> search(String eventId, String query, int limit) {
    UUID event = id("eventId", eventId);
    String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
    if (q.length() < 2) {
      return List.of();
    }
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return sql.list(
        TICKET
            + " WHERE k.event_id = ? AND k.status <> 'held' AND (lower(k.holder_name) LIKE ? OR"
            + " lower(k.holder_email) LIKE ? OR lower(o.number) LIKE ? OR lower(o.buyer_name) LIKE"
            + " ?) ORDER BY k.holder_name LIMIT ?",
        PluginTicketDesk::summary,
        event,
        like,
        like,
        like,
        like,
        Math.max(1, Math.min(limit, 100)));
  }

  @Override
  public Optional<TicketSummary> ticket(String eventId, String ticketId) {
    return sql.one(
        TICKET + " WHERE k.event_id = ? AND k.id = ?",
        PluginTicketDesk::summary,
        id("eventId", eventId),
        id("ticketId", ticketId));
  }

  @Override
  public List<TicketSummary> admissible(String eventId) {
    return sql.list(
        TICKET + " WHERE k.event_id = ? AND k.status = 'valid' ORDER BY k.id",
        PluginTicketDesk::summary,
        id("eventId", eventId));
  }

  private Optional<Reservation> find(String code) {
    if (code == null || !code.strip().matches("[A-Za-z0-9-]{4,12}")) {
      return Optional.empty();
    }
    return sql.one(
            "SELECT id, number, event_id, status, buyer_name, total_minor, currency FROM"
                + " {t}.orders WHERE counter_code = upper(?)",
            rs ->
                new Reservation(
                    rs.getString("id"),
                    rs.getString("number"),
                    rs.getString("event_id"),
                    rs.getString("status"),
                    rs.getString("buyer_name"),
                    rs.getLong("total_minor"),
                    rs.getString("currency").strip(),
                    List.of()),
            code.strip())
        .map(
            r ->
                new Reservation(
                    r.orderId(),
                    r.orderNumber(),
                    r.eventId(),
                    r.status(),
                    r.buyerName(),
                    r.totalMinor(),
                    r.currency(),
                    sql.list(
                        "SELECT id FROM {t}.ticket WHERE order_id = ?::uuid ORDER BY id",
                        rs -> rs.getString(1),
                        r.orderId())));
  }

  @Override
  public Optional<Reservation> reservation(String counterCode) {
    return find(counterCode);
  }

  @Override
  public Reservation confirmAtDoor(String counterCode, String method, String actor) {
    if (!"cash".equals(method) && !"card".equals(method)) {
      throw new IllegalArgumentException("method must be cash or card");
    }
    if (find(counterCode).isEmpty()) {
      throw new IllegalArgumentException("no reservation with code " + counterCode);
    }
    try {
      payments.confirmCounter(tenant, counterCode.strip(), method, actor);
    } catch (ProblemException e) {
      throw new IllegalStateException(e.getMessage());
    }
    return find(counterCode).orElseThrow();
  }
}
