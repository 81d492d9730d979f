package io.marquee.ordering.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.JsonInput;
import io.marquee.ordering.application.PlaceOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads a checkout request body. */
final class OrderInput {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private OrderInput() {}

  static PlaceOrder placeOrder(JsonInput in, boolean staff) {
    UUID eventId = in.uuid("eventId");
    if (eventId == null) {
      throw ProblemException.invalid("eventId", "eventId is required");
    }
    List<JsonInput> items = in.objects("items", 50);
    if (items == null || items.isEmpty()) {
      throw ProblemException.invalid("items", "choose at least one ticket");
    }
    List<PlaceOrder.Item> parsed = new ArrayList<>();
    for (JsonInput item : items) {
      UUID type = item.uuid("ticketTypeId");
      if (type == null) {
        throw ProblemException.invalid(item.name("ticketTypeId"), "ticketTypeId is required");
      }
      Integer quantity = item.intValue("quantity", 1, 1000);
      if (quantity == null) {
        throw ProblemException.invalid(item.name("quantity"), "quantity is required (1 to 1000)");
      }
      List<String> attendees = item.strings("attendees", 1000, 200);
      Long amount = item.longValue("amountMinor", 0, 100_000_000_000L);
      parsed.add(
          new PlaceOrder.Item(type, quantity, attendees == null ? List.of() : attendees, amount));
    }
    JsonInput buyer = in.object("buyer");
    if (buyer == null) {
      throw ProblemException.invalid("buyer", "buyer name and email are required");
    }
    String name = buyer.requiredString("name", 200);
    String email = buyer.requiredString("email", 254);
    if (!EMAIL.matcher(email).matches()) {
      throw ProblemException.invalid("buyer.email", "buyer.email is not an email address");
    }
    return new PlaceOrder(
        eventId,
        parsed,
        name,
        email,
        buyer.string("phone", 40),
        in.string("promoCode", 40),
        in.string("unlockCode", 60),
        staff);
  }
}
