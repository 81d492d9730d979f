package io.marquee.ordering.domain;

import java.util.List;
import java.util.UUID;

/** Quantity of one ticket type in an order, with attendee names when the event asks for them. */
public record OrderLine(
    UUID id,
    UUID orderId,
    UUID ticketTypeId,
    int quantity,
    long unitPrice,
    List<String> attendees) {}
