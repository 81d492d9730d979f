package io.marquee.ordering.domain;

import java.util.UUID;

/**
 * A promo code's effect: a percentage (basis points) or a fixed amount off, either on one ticket
 * type (fixed: per ticket) or on the whole order (fixed: once).
 */
public record Promotion(
    UUID id, boolean percent, int percentBp, long amountMinor, UUID ticketTypeId) {
  public boolean appliesTo(UUID typeId) {
    return ticketTypeId == null || ticketTypeId.equals(typeId);
  }
}
