package io.marquee.ordering.domain;

import java.time.Instant;
import java.util.UUID;

/** One try at paying an order through a provider: started → succeeded or failed, once. */
public record PaymentAttempt(
    UUID id,
    UUID orderId,
    String provider,
    String status,
    long amount,
    String currency,
    String providerRef,
    String returnUrl,
    String detail,
    Instant createdAt,
    Instant completedAt) {}
