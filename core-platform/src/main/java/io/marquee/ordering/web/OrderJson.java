package io.marquee.ordering.web;

import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderLine;
import io.marquee.ticketing.domain.Ticket;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** JSON views of orders and tickets. */
public final class OrderJson {
  private OrderJson() {}

  public static JsonObjectBuilder order(Order o, List<OrderLine> lines, List<Ticket> tickets) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", o.id().toString())
            .add("number", o.number())
            .add("eventId", o.eventId().toString())
            .add("status", o.status().db())
            .add("currency", o.currency())
            .add("subtotalMinor", o.subtotal())
            .add("discountMinor", o.discount())
            .add("feeMinor", o.fee())
            .add("taxMinor", o.tax())
            .add("totalMinor", o.total())
            .add("refundedMinor", o.refunded())
            .add(
                "buyer",
                nullable(
                    Json.createObjectBuilder()
                        .add("name", o.buyerName())
                        .add("email", o.buyerEmail()),
                    "phone",
                    o.buyerPhone()))
            .add("createdAt", o.createdAt().toString());
    if (o.expiresAt() != null && o.status() == io.marquee.ordering.domain.OrderStatus.PENDING) {
      b.add("expiresAt", o.expiresAt().toString());
    }
    if (o.paidAt() != null) {
      b.add("paidAt", o.paidAt().toString());
    }
    if (o.paymentProvider() != null) {
      b.add("paymentProvider", o.paymentProvider());
    }
    if (o.counterCode() != null) {
      b.add("counterCode", o.counterCode());
    }
    JsonArrayBuilder ls = Json.createArrayBuilder();
    for (OrderLine l : lines) {
      JsonArrayBuilder names = Json.createArrayBuilder();
      l.attendees().forEach(names::add);
      ls.add(
          Json.createObjectBuilder()
              .add("ticketTypeId", l.ticketTypeId().toString())
              .add("quantity", l.quantity())
              .add("unitPriceMinor", l.unitPrice())
              .add("attendees", names));
    }
    b.add("lines", ls);
    JsonArrayBuilder ts = Json.createArrayBuilder();
    for (Ticket t : tickets) {
      ts.add(ticket(t));
    }
    return b.add("tickets", ts);
  }

  public static JsonObjectBuilder ticket(Ticket t) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", t.id().toString())
            .add("orderId", t.orderId().toString())
            .add("eventId", t.eventId().toString())
            .add("ticketTypeId", t.ticketTypeId().toString())
            .add("holderName", t.holderName())
            .add("status", t.status().db())
            .add("serial", t.serial())
            .add("priceMinor", t.price())
            .add("discountMinor", t.discount())
            .add("feeMinor", t.fee())
            .add("taxMinor", t.tax())
            .add("amountMinor", t.amount());
    return nullable(b, "holderEmail", t.holderEmail());
  }

  static JsonObjectBuilder nullable(JsonObjectBuilder b, String name, String v) {
    return v == null ? b : b.add(name, v);
  }
}
