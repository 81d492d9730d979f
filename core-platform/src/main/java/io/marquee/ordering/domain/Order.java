package io.marquee.ordering.domain;

import java.time.Instant;
import java.util.UUID;

/** An order as stored; amounts in minor units of {@code currency}. */
public record Order(
    UUID id,
    String number,
    String accessToken,
    UUID eventId,
    OrderStatus status,
    String buyerName,
    String buyerEmail,
    String buyerPhone,
    String currency,
    long subtotal,
    long discount,
    long fee,
    long tax,
    long total,
    long refunded,
    UUID promoCodeId,
    String paymentProvider,
    String counterCode,
    Instant expiresAt,
    Instant paidAt,
    Instant createdAt) {

  public long refundable() {
    return total - refunded;
  }

  public boolean holdExpired(Instant now) {
    return status == OrderStatus.PENDING && expiresAt != null && !now.isBefore(expiresAt);
  }
}
