package io.marquee.ordering.application;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Event;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Cancels an event and settles every order: pending ones are cancelled (capacity back), paid ones
 * fully refunded. Each order is its own transaction, so a crash midway leaves finished orders
 * finished and running the cancellation again completes the rest.
 */
@ApplicationScoped
public class EventCancellation {
  @Inject CatalogService catalog;
  @Inject CheckoutService checkout;
  @Inject RefundService refunds;

  /** How many orders were cancelled and refunded. */
  public record Outcome(Event event, int cancelled, int refunded) {}

  public Outcome cancel(TenantSnapshot tenant, UUID eventId, String reason, String actor) {
    Event e = catalog.markCancelled(tenant, eventId);
    int cancelled = 0;
    int refunded = 0;
    for (Order o : refunds.openOrders(tenant, eventId)) {
      if (o.status() == OrderStatus.PENDING) {
        checkout.cancel(tenant, o.id());
        cancelled++;
      } else {
        refunds.refund(
            tenant,
            o.id(),
            new RefundService.RefundRequest(
                null, null, reason == null ? "event cancelled" : reason),
            actor);
        refunded++;
      }
    }
    return new Outcome(e, cancelled, refunded);
  }
}
