package io.marquee.ordering.application;

import io.marquee.catalog.domain.Event;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.common.problem.ProblemException;
import io.marquee.integration.application.Outbox;
import io.marquee.ledger.application.LedgerService;
import io.marquee.ledger.domain.Postings;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.domain.Ticket;
import io.marquee.ticketing.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Gives money back: whole tickets (their capacity returns, their codes are revoked) or an amount.
 * The order row is locked first, each ticket moves valid → refunded at most once, and the order's
 * CHECK keeps refunds within what was paid; the ledger entry is in the same transaction.
 */
@ApplicationScoped
@Transactional
public class RefundService {
  @Inject Sql sql;
  @Inject PaymentService payments;
  @Inject io.marquee.ticketing.application.TicketService tickets;

  /** Refund request: tickets, or an amount, or neither (everything still refundable). */
  public record RefundRequest(
      List<UUID> ticketIds, Long amountMinor, String reason, boolean policyAmount) {
    public RefundRequest(List<UUID> ticketIds, Long amountMinor, String reason) {
      this(ticketIds, amountMinor, reason, false);
    }

    /**
     * Whole tickets back (capacity returns, codes revoked) but only the amount the event's refund
     * policy grants for them.
     */
    public static RefundRequest underPolicy(List<UUID> ticketIds, long amount, String reason) {
      return new RefundRequest(ticketIds, amount, reason, true);
    }
  }

  public Order refund(TenantSnapshot tenant, UUID orderId, RefundRequest req, String actor) {
    TenantSql tsql = sql.in(tenant.schema());
    OrderStore orders = new OrderStore(tsql);
    Order order =
        orders.lock(orderId).orElseThrow(() -> ProblemException.notFound("no such order"));
    if (!order.status().isPaid()) {
      throw ProblemException.conflict(
          "status",
          "order "
              + order.number()
              + " is "
              + order.status().db()
              + "; only paid orders are refunded");
    }
    if (order.status() == OrderStatus.REFUNDED) {
      throw ProblemException.conflict(
          "status", "order " + order.number() + " is already fully refunded");
    }
    List<Ticket> all = orders.tickets(orderId);
    List<Ticket> chosen = new ArrayList<>();
    long amount;
    long tax;
    long fee;
    if (req.policyAmount()
        && (req.ticketIds() == null || req.ticketIds().isEmpty() || req.amountMinor() == null)) {
      throw new IllegalArgumentException("a policy refund names its tickets and amount");
    }
    if (!req.policyAmount()
        && req.amountMinor() != null
        && req.ticketIds() != null
        && !req.ticketIds().isEmpty()) {
      throw ProblemException.invalid("amountMinor", "refund either tickets or an amount, not both");
    }
    if (req.amountMinor() != null && !req.policyAmount()) {
      amount = req.amountMinor();
      if (amount <= 0) {
        throw ProblemException.invalid("amountMinor", "a refund must be a positive amount");
      }
      if (amount > order.refundable()) {
        throw ProblemException.unprocessable(
            "amountMinor",
            "at most "
                + order.refundable()
                + " (minor units) is left to refund on "
                + order.number());
      }
      Postings.Shares s = Postings.amountShares(amount, order.total(), order.tax());
      tax = s.tax();
      fee = 0;
    } else {
      if (req.ticketIds() == null || req.ticketIds().isEmpty()) {
        all.stream().filter(t -> t.status() == TicketStatus.VALID).forEach(chosen::add);
      } else {
        if (new HashSet<>(req.ticketIds()).size() != req.ticketIds().size()) {
          throw ProblemException.invalid("ticketIds", "a ticket is named twice");
        }
        for (UUID id : req.ticketIds()) {
          Ticket t =
              all.stream()
                  .filter(x -> x.id().equals(id))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          ProblemException.invalid(
                              "ticketIds", "ticket " + id + " is not part of this order"));
          if (t.status() != TicketStatus.VALID) {
            throw ProblemException.conflict(
                "ticketIds", "ticket " + id + " is already " + t.status().db());
          }
          chosen.add(t);
        }
      }
      amount = chosen.stream().mapToLong(Ticket::amount).sum();
      tax = chosen.stream().mapToLong(Ticket::tax).sum();
      fee = chosen.stream().mapToLong(Ticket::fee).sum();
      boolean fullRefund = req.ticketIds() == null || req.ticketIds().isEmpty();
      if (req.policyAmount()) {
        // The policy keeps a share (and maybe a fee): refund at most that, never above the rest.
        long granted = Math.min(Math.min(req.amountMinor(), amount), order.refundable());
        Postings.Shares s = Postings.amountShares(granted, order.total(), order.tax());
        amount = granted;
        tax = s.tax();
        fee = 0;
      } else if (fullRefund) {
        // Earlier amount refunds may have left the tickets' sum above what remains: never exceed
        // it.
        long remaining = order.refundable();
        if (amount > remaining) {
          Postings.Shares s = Postings.amountShares(remaining, order.total(), order.tax());
          amount = remaining;
          tax = s.tax();
          fee = 0;
        } else if (amount < remaining) {
          long extra = remaining - amount;
          Postings.Shares s = Postings.amountShares(extra, order.total(), order.tax());
          amount = remaining;
          tax += s.tax();
        }
      } else if (amount > order.refundable()) {
        throw ProblemException.unprocessable(
            "ticketIds",
            "these tickets are worth more than the " + order.refundable() + " left to refund");
      }
    }
    if (amount == 0 && chosen.isEmpty()) {
      throw ProblemException.unprocessable(
          "ticketIds", "nothing is left to refund on " + order.number());
    }
    TreeMap<UUID, Integer> released = new TreeMap<>();
    for (Ticket t : chosen) {
      if (!orders.ticketTransition(t.id(), TicketStatus.VALID, TicketStatus.REFUNDED)) {
        throw ProblemException.conflict(
            "ticketIds", "ticket " + t.id() + " was refunded meanwhile");
      }
      released.merge(t.ticketTypeId(), 1, Integer::sum);
      tsql.update(
          "INSERT INTO {t}.revoked_code (event_id, ticket_id, serial, reason) VALUES (?, ?, ?,"
              + " 'refunded') ON CONFLICT DO NOTHING",
          t.eventId(),
          t.id(),
          t.serial());
    }
    CheckoutService.release(orders, released);
    tickets.forgetRevocations(tenant, order.eventId());

    String provider = order.paymentProvider() == null ? "test" : order.paymentProvider();
    long refundedAfter = order.refunded() + amount;
    boolean everyTicketGone =
        all.stream().noneMatch(t -> t.status() == TicketStatus.VALID && !chosen.contains(t));
    OrderStatus next =
        refundedAfter >= order.total() && everyTicketGone
            ? OrderStatus.REFUNDED
            : OrderStatus.PARTIALLY_REFUNDED;
    UUID refundId = UUID.randomUUID();
    if (amount > 0) {
      String ref = payments.provider(provider).refund(tenant, order, amount);
      Event event = new CatalogStore(tsql).event(order.eventId()).orElseThrow();
      new LedgerService(tsql)
          .post(
              Postings.refund(
                  order.id(),
                  event.id(),
                  event.title(),
                  order.currency(),
                  provider,
                  new Postings.Shares(amount - tax - fee, tax, fee),
                  "refund of " + order.number() + " (" + ref + ")"));
      tsql.update(
          "INSERT INTO {t}.refund (id, order_id, amount_minor, tax_minor, fee_minor, currency,"
              + " provider, reason, actor, ticket_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          refundId,
          orderId,
          amount,
          tax,
          fee,
          order.currency(),
          provider,
          req.reason(),
          actor,
          chosen.stream().map(Ticket::id).toArray(UUID[]::new));
    }
    orders.addRefunded(orderId, amount, next);
    Outbox.append(
        tsql,
        "order.refunded",
        orderId,
        Json.createObjectBuilder()
            .add("orderId", orderId.toString())
            .add("number", order.number())
            .add("amountMinor", amount)
            .add("currency", order.currency())
            .add("status", next.db())
            .build());
    for (Ticket t : chosen) {
      Outbox.append(
          tsql,
          "ticket.voided",
          t.id(),
          Json.createObjectBuilder()
              .add("ticketId", t.id().toString())
              .add("reason", "refunded")
              .build());
    }
    if (!chosen.isEmpty()) {
      Outbox.append(
          tsql,
          "capacity.released",
          order.eventId(),
          Json.createObjectBuilder()
              .add("eventId", order.eventId().toString())
              .add("tickets", chosen.size())
              .build());
    }
    return orders.find(orderId).orElseThrow();
  }

  /** Orders of an event that still hold money or capacity, for event cancellation. */
  public List<Order> openOrders(TenantSnapshot tenant, UUID eventId) {
    TenantSql tsql = sql.in(tenant.schema());
    return tsql
        .list(
            "SELECT id FROM {t}.orders WHERE event_id = ? AND status IN ('pending', 'paid',"
                + " 'partially_refunded')",
            rs -> TenantSql.uuid(rs, "id"),
            eventId)
        .stream()
        .map(id -> new OrderStore(tsql).find(id).orElseThrow())
        .toList();
  }
}
