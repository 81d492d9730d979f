package io.marquee.ordering.application.payment;

import io.marquee.catalog.domain.Event;
import io.marquee.ordering.domain.Order;
import io.marquee.tenancy.application.TenantSnapshot;
import java.time.Instant;
import java.util.UUID;

/**
 * A way to take money. {@link #start} tells the buyer what to do next (go to a hosted page, or
 * bring a code to the counter); the outcome arrives later through a verified callback or staff
 * confirmation. {@link #refund} gives money back and answers the provider's reference.
 */
public interface PaymentProvider {
  String id();

  Start start(TenantSnapshot tenant, Event event, Order order, UUID attemptId, String returnUrl);

  String refund(TenantSnapshot tenant, Order order, long amountMinor);

  /** What the buyer needs to finish paying. */
  record Start(String redirectUrl, String counterCode, Instant holdUntil) {}
}
