package io.marquee.ordering.application.payment;

import io.marquee.catalog.domain.Event;
import io.marquee.ordering.domain.Order;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The {@code test} gateway, behaving like a real gateway in test mode: the buyer is sent to a
 * hosted payment page (on the tenant's domain, {@code /pay/test/<attempt>}) where they choose to
 * succeed or fail; the gateway then calls back server-to-server with a signed event (Standard
 * Webhooks headers, HMAC-SHA256), which is the only thing that marks an order paid.
 */
@ApplicationScoped
public class TestGatewayProvider implements PaymentProvider {
  @Override
  public String id() {
    return "test";
  }

  @Override
  public Start start(
      TenantSnapshot tenant, Event event, Order order, UUID attemptId, String returnUrl) {
    return new Start("/pay/test/" + attemptId, null, null);
  }

  @Override
  public String refund(TenantSnapshot tenant, Order order, long amountMinor) {
    return "test_re_" + UUID.randomUUID().toString().substring(0, 12);
  }
}
