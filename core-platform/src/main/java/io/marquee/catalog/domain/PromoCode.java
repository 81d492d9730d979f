package io.marquee.catalog.domain;

import java.time.Instant;
import java.util.UUID;

/** A discount code of an event: percent (basis points) or fixed, for one ticket type or all. */
public record PromoCode(
    UUID id,
    UUID eventId,
    String code,
    boolean percent,
    Integer percentBp,
    Long amountMinor,
    UUID ticketTypeId,
    Integer maxUses,
    int used,
    Instant validFrom,
    Instant validUntil) {

  public boolean validAt(Instant t) {
    return (validFrom == null || !t.isBefore(validFrom))
        && (validUntil == null || t.isBefore(validUntil));
  }
}
