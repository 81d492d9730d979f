package io.marquee.customers.application;

import io.marquee.catalog.domain.Event;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.common.problem.ProblemException;
import io.marquee.notifications.application.NotificationQueue;
import io.marquee.notifications.domain.NotificationKind;
import io.marquee.ordering.application.RefundPolicies;
import io.marquee.ordering.application.RefundService;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.RefundPolicy;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.application.TicketService;
import io.marquee.ticketing.domain.Ticket;
import io.marquee.ticketing.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a signed-in attendee does with their tickets: list them, give one to someone else, ask for a
 * refund. The event's refund policy decides what is allowed and how much comes back; windows that
 * require approval queue a request for staff. A ticket is the attendee's when it is held in their
 * email (the buyer's, until they transfer it).
 */
@ApplicationScoped
@Transactional
public class AttendeeTickets {
  @Inject Sql sql;
  @Inject TicketService tickets;
  @Inject RefundService refunds;
  @Inject NotificationQueue mails;

  /** One row of "My tickets". */
  public record Row(
      UUID ticketId,
      UUID orderId,
      String orderNumber,
      String orderToken,
      UUID eventId,
      String eventSlug,
      String eventTitle,
      String timeZone,
      Instant startsAt,
      Instant endsAt,
      String eventStatus,
      String venue,
      String ticketType,
      String holderName,
      String status,
      long amount,
      String currency,
      String refundRequest) {

    public String section(Instant now) {
      if (!"valid".equals(status) || "cancelled".equals(eventStatus)) {
        return "cancelled";
      }
      return endsAt.isAfter(now) && !"completed".equals(eventStatus) ? "upcoming" : "past";
    }
  }

  public List<Row> list(TenantSnapshot t, String email) {
    return sql.in(t.schema())
        .list(
            "SELECT k.id, k.order_id, o.number, o.access_token, e.id AS event_id, e.slug, e.title,"
                + " e.time_zone, e.starts_at, coalesce(e.ends_at, e.starts_at + interval '6"
                + " hours') AS ends_at, e.status AS event_status, v.name AS venue, tt.name AS"
                + " type_name, k.holder_name, k.status, k.amount_minor, o.currency, (SELECT"
                + " r.status FROM {t}.refund_request r WHERE r.ticket_id = k.id ORDER BY"
                + " r.created_at DESC LIMIT 1) AS refund_request FROM {t}.ticket k JOIN"
                + " {t}.orders o ON o.id = k.order_id JOIN {t}.event e ON e.id = k.event_id JOIN"
                + " {t}.ticket_type tt ON tt.id = k.ticket_type_id LEFT JOIN {t}.venue v ON v.id"
                + " = e.venue_id WHERE lower(k.holder_email) = ? AND k.status IN ('valid',"
                + " 'refunded', 'void') ORDER BY e.starts_at, o.number, k.id",
            rs ->
                new Row(
                    TenantSql.uuid(rs, "id"),
                    TenantSql.uuid(rs, "order_id"),
                    rs.getString("number"),
                    rs.getString("access_token"),
                    TenantSql.uuid(rs, "event_id"),
                    rs.getString("slug"),
                    rs.getString("title"),
                    rs.getString("time_zone"),
                    TenantSql.instant(rs, "starts_at"),
                    TenantSql.instant(rs, "ends_at"),
                    rs.getString("event_status"),
                    rs.getString("venue"),
                    rs.getString("type_name"),
                    rs.getString("holder_name"),
                    rs.getString("status"),
                    rs.getLong("amount_minor"),
                    rs.getString("currency"),
                    rs.getString("refund_request")),
            SignInService.normalise(email));
  }

  /** The attendee's own valid ticket, locked; anyone else's answers 404. */
  private Ticket owned(TenantSql tsql, UUID ticketId, String email) {
    boolean mine =
        tsql.one(
                "SELECT id FROM {t}.ticket WHERE id = ? AND lower(holder_email) = ? FOR UPDATE",
                rs -> 1,
                ticketId,
                SignInService.normalise(email))
            .isPresent();
    if (!mine) {
      throw ProblemException.notFound("no such ticket");
    }
    Ticket tk = new OrderStore(tsql).ticket(ticketId).orElseThrow();
    if (tk.status() != TicketStatus.VALID) {
      throw ProblemException.conflict("ticketId", "this ticket is " + tk.status().db());
    }
    return tk;
  }

  private static long daysBefore(Event e) {
    return Math.max(-1, Duration.between(Instant.now(), e.startsAt()).toDays());
  }

  public Ticket transfer(
      TenantSnapshot t, String email, UUID ticketId, String name, String toEmail) {
    TenantSql tsql = sql.in(t.schema());
    Ticket tk = owned(tsql, ticketId, email);
    Event e = new CatalogStore(tsql).event(tk.eventId()).orElseThrow();
    if (!e.endOrStart().isAfter(Instant.now()) || !"published".equals(e.status().db())) {
      throw ProblemException.conflict("ticketId", "tickets of past or cancelled events stay put");
    }
    Optional<RefundPolicy.Window> w =
        RefundPolicies.parse(e.refundPolicyJson()).windowFor(daysBefore(e));
    if (w.isPresent() && !w.get().transferAllowed()) {
      throw ProblemException.unprocessable("ticketId", "this event does not allow transfers now");
    }
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw ProblemException.invalid("name", "the new holder's name, please");
    }
    String to = SignInService.normalise(toEmail);
    if (to.equals(SignInService.normalise(email))) {
      throw ProblemException.invalid("email", "that is your own address");
    }
    return tickets.transfer(t, ticketId, name.strip(), to);
  }

  /** What a refund of this ticket would give back now, or why there is none. */
  public record Quote(long amount, String currency, boolean approvalRequired, String refusal) {}

  public Quote quote(TenantSnapshot t, String email, UUID ticketId) {
    TenantSql tsql = sql.in(t.schema());
    Ticket tk = owned(tsql, ticketId, email);
    return quote(tsql, tk);
  }

  private Quote quote(TenantSql tsql, Ticket tk) {
    Event e = new CatalogStore(tsql).event(tk.eventId()).orElseThrow();
    Order o = new OrderStore(tsql).find(tk.orderId()).orElseThrow();
    if (!e.startsAt().isAfter(Instant.now())) {
      return new Quote(0, o.currency(), false, "the event has started");
    }
    RefundPolicy policy = RefundPolicies.parse(e.refundPolicyJson());
    long days = daysBefore(e);
    Optional<RefundPolicy.Window> w = policy.windowFor(days);
    long amount = Math.min(policy.refundableFor(tk.amount(), days), o.refundable());
    if (w.isEmpty() || amount <= 0) {
      return new Quote(0, o.currency(), false, "the refund policy gives nothing back now");
    }
    return new Quote(amount, o.currency(), w.get().approvalRequired(), null);
  }

  /**
   * Refunds at once under the policy, or queues the request for staff approval. One live request
   * per ticket (a unique index refuses a second, even when two arrive at once).
   */
  public String requestRefund(TenantSnapshot t, String email, UUID ticketId) {
    TenantSql tsql = sql.in(t.schema());
    Ticket tk = owned(tsql, ticketId, email);
    if (tsql.count(
            "SELECT count(*) FROM {t}.refund_request WHERE ticket_id = ? AND status = 'pending'",
            ticketId)
        > 0) {
      throw ProblemException.conflict("ticketId", "a refund of this ticket is already requested");
    }
    Quote q = quote(tsql, tk);
    if (q.refusal() != null) {
      throw ProblemException.unprocessable("ticketId", q.refusal());
    }
    UUID id = UUID.randomUUID();
    String normalised = SignInService.normalise(email);
    tsql.update(
        "INSERT INTO {t}.refund_request (id, order_id, ticket_id, customer_email, amount_minor,"
            + " currency, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
        id,
        tk.orderId(),
        ticketId,
        normalised,
        q.amount(),
        q.currency(),
        q.approvalRequired() ? "pending" : "refunded");
    if (q.approvalRequired()) {
      mails.enqueue(
          t.schema(),
          NotificationKind.REFUND_REQUESTED,
          "refund.requested:" + id,
          normalised,
          tk.orderId(),
          Json.createObjectBuilder().add("amountMinor", q.amount()).build().toString());
      return "pending";
    }
    refunds.refund(
        t,
        tk.orderId(),
        RefundService.RefundRequest.underPolicy(List.of(ticketId), q.amount(), "attendee request"),
        "attendee:" + normalised);
    return "refunded";
  }

  /** A refund request waiting for staff. */
  public record Request(
      UUID id,
      UUID orderId,
      String orderNumber,
      UUID ticketId,
      String email,
      long amount,
      String currency,
      Instant createdAt) {}

  private static Request request(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Request(
        TenantSql.uuid(rs, "id"),
        TenantSql.uuid(rs, "order_id"),
        rs.getString("number"),
        TenantSql.uuid(rs, "ticket_id"),
        rs.getString("customer_email"),
        rs.getLong("amount_minor"),
        rs.getString("currency"),
        TenantSql.instant(rs, "created_at"));
  }

  public List<Request> pending(TenantSnapshot t, UUID orderId) {
    return sql.in(t.schema())
        .list(
            "SELECT r.*, o.number FROM {t}.refund_request r JOIN {t}.orders o ON o.id = r.order_id"
                + " WHERE r.status = 'pending' AND (?::uuid IS NULL OR r.order_id = ?) ORDER BY"
                + " r.created_at",
            AttendeeTickets::request,
            orderId,
            orderId);
  }

  /** Staff decide: approve refunds the ticket for the requested amount; reject closes it. */
  public String decide(TenantSnapshot t, UUID requestId, boolean approve, String actor) {
    TenantSql tsql = sql.in(t.schema());
    Request r =
        tsql.one(
                "SELECT r.*, o.number FROM {t}.refund_request r JOIN {t}.orders o ON o.id ="
                    + " r.order_id WHERE r.id = ? FOR UPDATE OF r",
                AttendeeTickets::request,
                requestId)
            .orElseThrow(() -> ProblemException.notFound("no such refund request"));
    int changed =
        tsql.update(
            "UPDATE {t}.refund_request SET status = ?, decided_by = ?, decided_at = now() WHERE id"
                + " = ? AND status = 'pending'",
            approve ? "refunded" : "rejected",
            actor,
            requestId);
    if (changed == 0) {
      throw ProblemException.conflict("status", "this request was decided already");
    }
    if (approve) {
      refunds.refund(
          t,
          r.orderId(),
          RefundService.RefundRequest.underPolicy(
              List.of(r.ticketId()), r.amount(), "approved attendee request"),
          actor);
    }
    return approve ? "refunded" : "rejected";
  }
}
