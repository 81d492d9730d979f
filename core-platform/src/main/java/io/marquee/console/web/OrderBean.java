package io.marquee.console.web;

import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.persistence.Sql;
import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.integration.application.Outbox;
import io.marquee.ordering.application.CheckoutService;
import io.marquee.ordering.application.PaymentService;
import io.marquee.ordering.application.RefundService;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.domain.Ticket;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Console › Order: detail, refunds, cancelling a reservation, confirming a counter payment. */
@Named("console.order")
@ViewScoped
public class OrderBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient Sql sql;
  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;
  @Inject transient CheckoutService checkout;
  @Inject transient PaymentService payments;
  @Inject transient RefundService refunds;
  @Inject transient Resend resend;
  @Inject transient io.marquee.customers.application.AttendeeTickets attendee;

  private String id;
  private String refundAmount;
  private String reason;

  private OrderStore store() {
    return new OrderStore(sql.in(tenant.require().schema()));
  }

  private Order order() {
    caller.require(Permission.VIEW_ORDERS);
    try {
      return checkout.refresh(
          tenant.require(),
          store()
              .find(UUID.fromString(id))
              .orElseThrow(() -> ProblemException.notFound("no such order")));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProblemException.notFound("no such order");
    }
  }

  public Map<String, Object> getView() {
    Order o = order();
    TenantSnapshot t = tenant.require();
    Map<String, Object> m = Rows.of(o);
    m.put("id", o.id().toString());
    m.put("status", o.status().db());
    m.put("pending", o.status() == OrderStatus.PENDING);
    m.put("refundable", o.status().isPaid() && o.status() != OrderStatus.REFUNDED);
    m.put("subtotalText", ConsoleFormat.money(o.subtotal(), o.currency()));
    m.put("discountText", ConsoleFormat.money(o.discount(), o.currency()));
    m.put("feeText", ConsoleFormat.money(o.fee(), o.currency()));
    m.put("taxText", ConsoleFormat.money(o.tax(), o.currency()));
    m.put("totalText", ConsoleFormat.money(o.total(), o.currency()));
    m.put("refundedText", ConsoleFormat.money(o.refunded(), o.currency()));
    m.put("created", ConsoleFormat.local(o.createdAt(), t.timeZone()));
    m.put(
        "event",
        new CatalogStore(sql.in(t.schema())).event(o.eventId()).map(e -> e.title()).orElse(""));
    return m;
  }

  public List<Map<String, Object>> getTickets() {
    Order o = order();
    CatalogStore catalog = new CatalogStore(sql.in(tenant.require().schema()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Ticket tk : store().tickets(o.id())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", tk.id().toString());
      m.put("holder", tk.holderName());
      m.put("type", catalog.ticketType(tk.ticketTypeId()).map(x -> x.name()).orElse(""));
      m.put("status", tk.status().db());
      m.put("amount", ConsoleFormat.money(tk.amount(), o.currency()));
      m.put("refundable", tk.status() == io.marquee.ticketing.domain.TicketStatus.VALID);
      rows.add(m);
    }
    return rows;
  }

  public void refundTicket(String ticketId) {
    Messages.guard(
        () -> {
          caller.require(Permission.REFUND_ORDERS);
          refunds.refund(
              tenant.require(),
              UUID.fromString(id),
              new RefundService.RefundRequest(List.of(UUID.fromString(ticketId)), null, reason),
              caller.actor());
          Messages.info("Ticket refunded");
        });
  }

  /** Refund requests attendees made on this order that wait for a decision. */
  public List<Map<String, Object>> getRefundRequests() {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (var r : attendee.pending(tenant.require(), UUID.fromString(id))) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("id", r.id().toString());
      m.put("email", r.email());
      m.put("ticketId", r.ticketId().toString());
      m.put("amount", ConsoleFormat.money(r.amount(), r.currency()));
      out.add(m);
    }
    return out;
  }

  public void decideRefund(String requestId, boolean approve) {
    Messages.guard(
        () -> {
          caller.require(Permission.REFUND_ORDERS);
          String outcome =
              attendee.decide(
                  tenant.require(), UUID.fromString(requestId), approve, caller.actor());
          Messages.info("Refund request " + outcome);
        });
  }

  public void refundAll() {
    Messages.guard(
        () -> {
          caller.require(Permission.REFUND_ORDERS);
          refunds.refund(
              tenant.require(),
              UUID.fromString(id),
              new RefundService.RefundRequest(null, null, reason),
              caller.actor());
          Messages.info("Order refunded");
        });
  }

  public void refundAmount() {
    Messages.guard(
        () -> {
          caller.require(Permission.REFUND_ORDERS);
          Order o = order();
          long minor = ConsoleFormat.minor("refundAmount", refundAmount, o.currency());
          refunds.refund(
              tenant.require(),
              o.id(),
              new RefundService.RefundRequest(null, minor, reason),
              caller.actor());
          Messages.info("Refunded " + ConsoleFormat.money(minor, o.currency()));
          refundAmount = null;
        });
  }

  public void cancel() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_ORDERS);
          checkout.cancel(tenant.require(), UUID.fromString(id));
          Messages.info("Reservation cancelled; its tickets are on sale again");
        });
  }

  public void confirmCounter(String method) {
    Messages.guard(
        () -> {
          caller.require(Permission.CONFIRM_AT_DOOR);
          Order o = order();
          if (o.counterCode() == null) {
            throw ProblemException.conflict("code", "this order is not a counter reservation");
          }
          payments.confirmCounter(tenant.require(), o.counterCode(), method, caller.actor());
          Messages.info("Payment taken (" + method + "); tickets issued");
        });
  }

  public void resendTickets() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_ORDERS);
          resend.request(tenant.require().schema(), order());
          Messages.info("Tickets will be sent again to " + order().buyerEmail());
        });
  }

  /** Asks for the tickets to be mailed again (delivered by the notifications outbox consumer). */
  @jakarta.enterprise.context.ApplicationScoped
  public static class Resend {
    @Inject Sql sql;

    @Transactional
    public void request(String schema, Order o) {
      if (!o.status().isPaid()) {
        throw ProblemException.conflict("status", "only paid orders have tickets to send");
      }
      Outbox.append(
          sql.in(schema),
          "order.tickets_resend_requested",
          o.id(),
          Json.createObjectBuilder()
              .add("orderId", o.id().toString())
              .add("email", o.buyerEmail())
              .build());
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String v) {
    id = v;
  }

  public String getRefundAmount() {
    return refundAmount;
  }

  public void setRefundAmount(String v) {
    refundAmount = v;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String v) {
    reason = v;
  }
}
