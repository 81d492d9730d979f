package io.marquee.ordering.application;

import io.marquee.tenancy.application.TenantSnapshot;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Unit prices from outside the catalogue, asked once per checkout before anything is held (the
 * plugin host implements it with the tenant's checkout contributors). It answers only for the types
 * it changes; it never fails a checkout.
 */
public interface CheckoutPricing {
  /** One ticket type of the order being placed. */
  record Line(UUID ticketTypeId, String name, String kind, int quantity, long unitPriceMinor) {}

  Map<UUID, Long> unitPrices(
      TenantSnapshot tenant, UUID eventId, String currency, List<Line> lines);
}
