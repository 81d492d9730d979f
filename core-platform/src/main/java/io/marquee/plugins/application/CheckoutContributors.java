package io.marquee.plugins.application;

import io.marquee.ordering.application.CheckoutPricing;
import io.marquee.plugin.api.CheckoutContributor;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The checkout's prior hook: the tenant's enabled plugins with a {@link CheckoutContributor}, in id
 * order, each with a short time limit. A plugin that fails or is slow changes nothing.
 */
@ApplicationScoped
public class CheckoutContributors implements CheckoutPricing {
  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;
  @Inject PluginCalls calls;
  @Inject PluginEventDispatcher contexts;

  @Inject
  @ConfigProperty(name = "marquee.plugins.checkout-timeout-ms", defaultValue = "300")
  long timeoutMs;

  @Override
  public Map<UUID, Long> unitPrices(
      TenantSnapshot t, UUID eventId, String currency, List<Line> lines) {
    Map<UUID, Long> prices = new HashMap<>();
    Map<UUID, Line> byId = new HashMap<>();
    lines.forEach(
        l -> {
          prices.put(l.ticketTypeId(), l.unitPriceMinor());
          byId.put(l.ticketTypeId(), l);
        });
    for (String pluginId : new TreeSet<>(entitlements.enabledFor(t.id()))) {
      for (CheckoutContributor c :
          host.reading(() -> host.extensions(CheckoutContributor.class, pluginId))) {
        List<CheckoutContributor.CheckoutDraft.Line> draftLines = new ArrayList<>();
        for (Line l : lines) {
          draftLines.add(
              new CheckoutContributor.CheckoutDraft.Line(
                  l.ticketTypeId().toString(),
                  l.name(),
                  l.kind(),
                  l.quantity(),
                  prices.get(l.ticketTypeId())));
        }
        var draft = new CheckoutContributor.CheckoutDraft(eventId.toString(), currency, draftLines);
        var out =
            calls.call(
                t.id(),
                t.slug(),
                pluginId,
                "checkout",
                timeoutMs,
                () -> c.beforeHold(draft, contexts.contextFor(t, pluginId)));
        for (CheckoutContributor.PriceAdjustment a : out.result().orElse(List.of())) {
          UUID id;
          try {
            id = UUID.fromString(a.ticketTypeId());
          } catch (IllegalArgumentException | NullPointerException e) {
            continue;
          }
          Line l = byId.get(id);
          if (l != null && "paid".equals(l.kind()) && a.unitPriceMinor() >= 0) {
            prices.put(id, a.unitPriceMinor());
          }
        }
      }
    }
    Map<UUID, Long> changed = new HashMap<>();
    prices.forEach(
        (id, p) -> {
          if (p != byId.get(id).unitPriceMinor()) {
            changed.put(id, p);
          }
        });
    return changed;
  }
}
