package io.marquee.ticketing.domain;

import java.time.Instant;
import java.util.UUID;

/** One admission, with the exact share of its order's money it stands for. */
public record Ticket(
    UUID id,
    UUID orderId,
    UUID eventId,
    UUID ticketTypeId,
    String holderName,
    String holderEmail,
    TicketStatus status,
    int serial,
    long price,
    long discount,
    long fee,
    long tax,
    long amount,
    Instant issuedAt) {

  /** Revenue share without tax and fee: what a refund takes back from the event's revenue. */
  public long net() {
    return amount - tax - fee;
  }
}
