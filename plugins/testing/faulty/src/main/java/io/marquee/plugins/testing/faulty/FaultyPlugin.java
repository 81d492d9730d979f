package io.marquee.plugins.testing.faulty;

import io.marquee.plugin.api.DomainEvent;
import io.marquee.plugin.api.DomainEventListener;
import io.marquee.plugin.api.PluginContext;
import org.pf4j.Extension;
import org.pf4j.Plugin;

/** A deliberately broken plugin: the platform must contain it. */
public class FaultyPlugin extends Plugin {
  /** Throws on paid orders, hangs on placed ones, ignores the rest. */
  @Extension
  public static class Listener implements DomainEventListener {
    @Override
    public java.util.Set<String> types() {
      return java.util.Set.of("order.paid", "order.placed");
    }

    @Override
    public void on(DomainEvent event, PluginContext context) throws Exception {
      if (event.type().equals("order.paid")) {
        throw new IllegalStateException("faulty plugin refuses " + event.type());
      }
      // Hangs well past any time limit, ignoring interruption as a badly written plugin would.
      long until = System.currentTimeMillis() + 60_000;
      while (System.currentTimeMillis() < until) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ignored) {
          // keep hanging
        }
      }
    }
  }

  /** Hangs in every checkout, ignoring interruption: the checkout must go on without it. */
  @Extension
  public static class SlowPricing implements io.marquee.plugin.api.CheckoutContributor {
    @Override
    public java.util.List<PriceAdjustment> beforeHold(CheckoutDraft draft, PluginContext context) {
      long until = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < until) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException ignored) {
          // keep hanging
        }
      }
      return draft.lines().stream()
          .map(l -> new PriceAdjustment(l.ticketTypeId(), 0, "never"))
          .toList();
    }
  }
}
