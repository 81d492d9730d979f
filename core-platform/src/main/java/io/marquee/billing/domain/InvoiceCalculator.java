package io.marquee.billing.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's invoice for one month from its plugin subscriptions (prorated by day) and metered
 * usage (quantity × unit price per unit). Free-of-charge grants bill nothing.
 */
public final class InvoiceCalculator {
  private InvoiceCalculator() {}

  /** One plugin as billed to one tenant this month. */
  public record PluginMonth(
      String pluginId,
      PluginPrice price,
      List<Proration.Period> periods,
      Map<String, Long> usage,
      boolean free) {}

  public static List<InvoiceLine> lines(YearMonth month, List<PluginMonth> plugins) {
    List<InvoiceLine> out = new ArrayList<>();
    for (PluginMonth p : plugins) {
      if (p.free()) {
        continue;
      }
      int days = Proration.daysBilled(month, p.periods());
      if (days > 0 && p.price().monthlyMinor() > 0) {
        out.add(
            new InvoiceLine(
                "subscription",
                p.pluginId(),
                p.pluginId() + ": " + days + " of " + month.lengthOfMonth() + " days",
                days,
                p.price().monthlyMinor(),
                Proration.amount(p.price().monthlyMinor(), month, days)));
      }
      for (Map.Entry<String, Long> u : new TreeMap<>(p.usage()).entrySet()) {
        Long unit = p.price().unitPricesMinor().get(u.getKey());
        if (unit == null || u.getValue() == 0) {
          continue;
        }
        out.add(
            new InvoiceLine(
                "usage",
                p.pluginId(),
                p.pluginId() + ": " + u.getValue() + " × " + u.getKey(),
                u.getValue(),
                unit,
                Math.multiplyExact(unit, u.getValue())));
      }
    }
    return out;
  }

  public static long total(List<InvoiceLine> lines) {
    return lines.stream().mapToLong(InvoiceLine::amountMinor).sum();
  }
}
