package io.marquee.ordering.application;

import io.marquee.catalog.domain.Event;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.common.problem.ProblemException;
import io.marquee.integration.application.Outbox;
import io.marquee.ledger.application.LedgerService;
import io.marquee.ledger.domain.Postings;
import io.marquee.ordering.application.payment.PaymentProvider;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderLine;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.ordering.domain.PaymentAttempt;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts payments, applies their outcome exactly once, and confirms counter reservations. Paying an
 * order, issuing its tickets, posting the ledger entry and writing the domain events happen in one
 * transaction.
 */
@ApplicationScoped
@Transactional
public class PaymentService {
  @Inject Sql sql;
  @Inject @Any Instance<PaymentProvider> providers;
  @Inject CheckoutService checkout;

  public PaymentProvider provider(String id) {
    for (PaymentProvider p : providers) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    throw ProblemException.invalid(
        "provider", "unknown payment provider " + id + " (test, counter)");
  }

  /** What starting a payment produced. */
  public record Started(PaymentAttempt attempt, PaymentProvider.Start next) {}

  public Started start(TenantSnapshot tenant, UUID orderId, String providerId, String returnUrl) {
    PaymentProvider provider = provider(providerId);
    TenantSql tsql = sql.in(tenant.schema());
    OrderStore orders = new OrderStore(tsql);
    Order order =
        orders.lock(orderId).orElseThrow(() -> ProblemException.notFound("no such order"));
    order = checkout.refresh(tenant, order);
    if (order.status() != OrderStatus.PENDING) {
      throw ProblemException.conflict(
          "status",
          "order " + order.number() + " is " + order.status().db() + " and cannot be paid");
    }
    if (order.counterCode() != null) {
      throw ProblemException.conflict(
          "provider",
          "this order is reserved for payment at the counter with code " + order.counterCode());
    }
    Event event = new CatalogStore(tsql).event(order.eventId()).orElseThrow();
    UUID attemptId = UUID.randomUUID();
    PaymentProvider.Start next = provider.start(tenant, event, order, attemptId, returnUrl);
    tsql.update(
        "INSERT INTO {t}.payment_attempt (id, order_id, provider, status, amount_minor, currency,"
            + " return_url) VALUES (?, ?, ?, 'started', ?, ?, ?)",
        attemptId,
        orderId,
        provider.id(),
        order.total(),
        order.currency(),
        returnUrl);
    orders.setPayment(
        orderId,
        provider.id(),
        next.counterCode(),
        next.holdUntil() != null ? next.holdUntil() : order.expiresAt());
    if (next.counterCode() != null) {
      Outbox.append(
          tsql,
          "order.reserved",
          orderId,
          Json.createObjectBuilder()
              .add("orderId", orderId.toString())
              .add("number", order.number())
              .add("counterCode", next.counterCode())
              .add("reservedUntil", String.valueOf(next.holdUntil()))
              .build());
    }
    return new Started(attempt(tsql, attemptId).orElseThrow(), next);
  }

  public Optional<PaymentAttempt> attempt(TenantSnapshot tenant, UUID id) {
    return attempt(sql.in(tenant.schema()), id);
  }

  private static Optional<PaymentAttempt> attempt(TenantSql tsql, UUID id) {
    return tsql.one(
        "SELECT * FROM {t}.payment_attempt WHERE id = ?",
        rs ->
            new PaymentAttempt(
                TenantSql.uuid(rs, "id"),
                TenantSql.uuid(rs, "order_id"),
                rs.getString("provider"),
                rs.getString("status"),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                rs.getString("provider_ref"),
                rs.getString("return_url"),
                rs.getString("detail"),
                TenantSql.instant(rs, "created_at"),
                TenantSql.instant(rs, "completed_at")),
        id);
  }

  /**
   * Applies a provider's verified outcome. Replays change nothing: only a started attempt moves,
   * under a row lock. A success for an order that can no longer be paid (its hold expired, or it
   * was paid by another attempt) is refunded at once, so no money is kept without tickets.
   */
  public PaymentAttempt complete(
      TenantSnapshot tenant,
      UUID attemptId,
      boolean succeeded,
      long amount,
      String currency,
      String providerRef) {
    TenantSql tsql = sql.in(tenant.schema());
    OrderStore orders = new OrderStore(tsql);
    PaymentAttempt a =
        tsql.one("SELECT id FROM {t}.payment_attempt WHERE id = ? FOR UPDATE", rs -> 1, attemptId)
            .flatMap(x -> attempt(tsql, attemptId))
            .orElseThrow(() -> ProblemException.notFound("no such payment attempt"));
    if (!"started".equals(a.status())) {
      return a;
    }
    if (a.amount() != amount || !a.currency().equals(currency)) {
      throw ProblemException.unprocessable(
          "amount", "the callback's amount or currency does not match the payment attempt");
    }
    Order order = orders.lock(a.orderId()).orElseThrow();
    if (!succeeded) {
      finish(tsql, attemptId, "failed", providerRef, "declined");
      return attempt(tsql, attemptId).orElseThrow();
    }
    order = checkout.refresh(tenant, order);
    if (order.status() == OrderStatus.PENDING
        && markPaid(tenant, orders, order, a.provider(), attemptId)) {
      finish(tsql, attemptId, "succeeded", providerRef, null);
    } else {
      finish(
          tsql,
          attemptId,
          "succeeded",
          providerRef,
          "order was " + order.status().db() + "; payment refunded");
      Event event = new CatalogStore(tsql).event(order.eventId()).orElseThrow();
      LedgerService ledger = new LedgerService(tsql);
      Postings.Shares shares = new Postings.Shares(amount, 0, 0);
      String memo = "late payment for " + order.number();
      ledger.post(
          Postings.payment(
              order.id(), event.id(), event.title(), currency, a.provider(), shares, memo));
      provider(a.provider()).refund(tenant, order, amount);
      ledger.post(
          Postings.refund(
              order.id(), event.id(), event.title(), currency, a.provider(), shares, memo));
    }
    return attempt(tsql, attemptId).orElseThrow();
  }

  private static void finish(
      TenantSql tsql, UUID attemptId, String status, String ref, String detail) {
    tsql.update(
        "UPDATE {t}.payment_attempt SET status = ?, provider_ref = ?, detail = ?, completed_at ="
            + " now() WHERE id = ?",
        status,
        ref,
        detail,
        attemptId);
  }

  /** Door staff confirm a counter reservation paid in cash or by card. */
  public Order confirmCounter(TenantSnapshot tenant, String code, String method, String actor) {
    TenantSql tsql = sql.in(tenant.schema());
    OrderStore orders = new OrderStore(tsql);
    Order order =
        orders
            .byCounterCode(code.toUpperCase(java.util.Locale.ROOT))
            .orElseThrow(() -> ProblemException.notFound("no reservation with code " + code));
    order = checkout.refresh(tenant, order);
    if (order.status() == OrderStatus.EXPIRED) {
      throw ProblemException.conflict(
          "code", "reservation " + code + " expired at " + order.expiresAt());
    }
    if (order.status() != OrderStatus.PENDING) {
      throw ProblemException.conflict(
          "code", "order " + order.number() + " is already " + order.status().db());
    }
    UUID attemptId = UUID.randomUUID();
    tsql.update(
        "INSERT INTO {t}.payment_attempt (id, order_id, provider, status, amount_minor, currency,"
            + " provider_ref, detail, completed_at) VALUES (?, ?, 'counter', 'succeeded', ?, ?, ?, ?,"
            + " now())",
        attemptId,
        order.id(),
        order.total(),
        order.currency(),
        method,
        "confirmed by " + actor);
    markPaid(tenant, orders, order, "counter", attemptId);
    return orders.find(order.id()).orElseThrow();
  }

  /**
   * pending → paid: tickets become valid and sold, the sale is posted to the ledger, and the domain
   * events are written. False if the order was not pending any more.
   */
  boolean markPaid(
      TenantSnapshot tenant, OrderStore orders, Order order, String provider, UUID attemptId) {
    if (!orders.transition(order.id(), OrderStatus.PENDING, OrderStatus.PAID)) {
      return false;
    }
    TenantSql tsql = orders.sql();
    if (order.paymentProvider() == null || !order.paymentProvider().equals(provider)) {
      tsql.update("UPDATE {t}.orders SET payment_provider = ? WHERE id = ?", provider, order.id());
    }
    List<OrderLine> lines = orders.lines(order.id());
    orders.issueTickets(order.id());
    List<Ticket> tickets = orders.tickets(order.id());
    long net = 0;
    long tax = 0;
    long fee = 0;
    for (Ticket t : tickets) {
      net += t.net();
      tax += t.tax();
      fee += t.fee();
    }
    Event event = new CatalogStore(tsql).event(order.eventId()).orElseThrow();
    new LedgerService(tsql)
        .post(
            Postings.payment(
                order.id(),
                event.id(),
                event.title(),
                order.currency(),
                provider,
                new Postings.Shares(net, tax, fee),
                "order " + order.number()));
    Outbox.append(
        tsql,
        "order.paid",
        order.id(),
        Json.createObjectBuilder()
            .add("orderId", order.id().toString())
            .add("number", order.number())
            .add("eventId", event.id().toString())
            .add("totalMinor", order.total())
            .add("currency", order.currency())
            .add("provider", provider)
            .build());
    for (Ticket t : tickets) {
      Outbox.append(
          tsql,
          "ticket.issued",
          t.id(),
          Json.createObjectBuilder()
              .add("ticketId", t.id().toString())
              .add("orderId", order.id().toString())
              .add("eventId", event.id().toString())
              .add("ticketTypeId", t.ticketTypeId().toString())
              .build());
    }
    announceSoldOut(tsql, event.id(), lines);
    return true;
  }

  /** Sold out = every public ticket type has as many valid tickets as capacity. */
  private static final String SOLD_OUT =
      "UPDATE {t}.event e SET sold_out_announced = true WHERE e.status = 'published' AND NOT"
          + " e.sold_out_announced AND EXISTS (SELECT 1 FROM {t}.ticket_type tt WHERE tt.event_id ="
          + " e.id AND tt.visibility = 'public') AND NOT EXISTS (SELECT 1 FROM {t}.ticket_type tt"
          + " WHERE tt.event_id = e.id AND tt.visibility = 'public' AND (SELECT count(*) FROM"
          + " {t}.ticket k WHERE k.ticket_type_id = tt.id AND k.status = 'valid') < tt.capacity)";

  private static void announceSoldOut(TenantSql tsql, UUID eventId, List<OrderLine> lines) {
    // Cheap pre-check on the snapshot: only when a type of this order is fully taken.
    boolean anyTypeFull =
        tsql.count(
                "SELECT count(*) FROM {t}.ticket_type WHERE id = ANY(?) AND taken >= capacity",
                (Object) lines.stream().map(OrderLine::ticketTypeId).toArray(UUID[]::new))
            > 0;
    if (anyTypeFull) {
      announceSoldOuts(tsql, eventId);
    }
  }

  /**
   * Announces events that have sold out. Two last payments committing at the same moment may each
   * miss the other's tickets; the sweeper job calls this for every tenant, so the event is
   * announced at most one sweep later, and exactly once (the flag is set conditionally).
   */
  public int announceSoldOutsIn(String schema) {
    return announceSoldOuts(sql.in(schema), null);
  }

  private static int announceSoldOuts(TenantSql tsql, UUID eventId) {
    List<UUID> events =
        tsql.list(
            SOLD_OUT + " AND (?::uuid IS NULL OR e.id = ?) RETURNING e.id",
            rs -> TenantSql.uuid(rs, "id"),
            eventId,
            eventId);
    for (UUID id : events) {
      Outbox.append(
          tsql,
          "event.sold_out",
          id,
          Json.createObjectBuilder().add("eventId", id.toString()).build());
    }
    return events.size();
  }
}
