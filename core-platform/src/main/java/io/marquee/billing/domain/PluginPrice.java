package io.marquee.billing.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A plugin's price, as its descriptor declares it: a monthly fee and metered units, each with a
 * unit price, in the platform's billing currency (minor units).
 */
public record PluginPrice(long monthlyMinor, String currency, Map<String, Long> unitPricesMinor) {
  public PluginPrice {
    Objects.requireNonNull(currency, "currency");
    if (monthlyMinor < 0) {
      throw new IllegalArgumentException("a monthly fee cannot be negative");
    }
    unitPricesMinor = Map.copyOf(unitPricesMinor);
    unitPricesMinor.forEach(
        (unit, price) -> {
          if (!unit.matches("[a-z][a-z0-9_-]{0,39}") || price < 0) {
            throw new IllegalArgumentException("bad metered unit " + unit + "=" + price);
          }
        });
  }

  public static PluginPrice free(String currency) {
    return new PluginPrice(0, currency, Map.of());
  }
}
