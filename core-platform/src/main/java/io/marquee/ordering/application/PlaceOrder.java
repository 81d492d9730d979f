package io.marquee.ordering.application;

import java.util.List;
import java.util.UUID;

/**
 * A checkout request. {@code staff} lets hidden and complimentary ticket types through (box office
 * and API keys); buyers see only public types and those their unlock code opens.
 */
public record PlaceOrder(
    UUID eventId,
    List<Item> items,
    String buyerName,
    String buyerEmail,
    String buyerPhone,
    String promoCode,
    String unlockCode,
    boolean staff) {

  /**
   * Tickets of one type; {@code attendees} names each ticket's holder when the event asks; {@code
   * amountMinor} is what a donation ticket's buyer chooses to give per ticket (at least its price).
   */
  public record Item(UUID ticketTypeId, int quantity, List<String> attendees, Long amountMinor) {}
}
