package io.marquee.ordering.domain;

import java.util.UUID;

/**
 * One ticket's exact price breakdown. {@code amount} is what the buyer pays for it; {@code net} is
 * the organiser's revenue (after discount, without tax and booking fee).
 */
public record PricedTicket(
    UUID ticketTypeId, long price, long discount, long fee, long tax, long amount, long net) {}
