package io.marquee.billing.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's invoices for one month: its plan fee and plugin subscriptions (prorated by day) and
 * metered usage (quantity × unit price per unit), in the billing currency; the commission on each
 * currency's ticket revenue, in that currency. So there is one invoice per currency the tenant
 * billed in: one for a tenant selling in the billing currency. Free-of-charge grants bill nothing.
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

  /** The plan the tenant was on, during these periods of the month. */
  public record PlanMonth(Plan plan, List<Proration.Period> periods) {}

  /** One currency's ticket sales in the month: net revenue (after refunds) and tickets issued. */
  public record SalesMonth(String currency, long netRevenueMinor, long tickets) {}

  /**
   * All of a month's invoice lines by currency (billing currency first). The commission rate is the
   * one of the plan in force at the end of the period ({@code plans}' last entry).
   */
  public static Map<String, List<InvoiceLine>> invoices(
      YearMonth month,
      String billingCurrency,
      List<PlanMonth> plans,
      List<PluginMonth> plugins,
      List<SalesMonth> sales) {
    Map<String, List<InvoiceLine>> out = new java.util.LinkedHashMap<>();
    List<InvoiceLine> billing = new ArrayList<>();
    for (PlanMonth p : plans) {
      int days = Proration.daysBilled(month, p.periods());
      if (days > 0 && p.plan().monthlyMinor() > 0) {
        billing.add(
            new InvoiceLine(
                "plan",
                null,
                "Plan " + p.plan().name() + ": " + days + " of " + month.lengthOfMonth() + " days",
                days,
                p.plan().monthlyMinor(),
                Proration.amount(p.plan().monthlyMinor(), month, days)));
      }
    }
    billing.addAll(lines(month, plugins));
    out.put(billingCurrency, billing);
    Plan current = plans.isEmpty() ? null : plans.get(plans.size() - 1).plan();
    for (SalesMonth s : sales) {
      int bps = current == null ? 0 : current.commissionBps(s.tickets());
      long amount = Commission.amount(s.netRevenueMinor(), bps);
      if (amount == 0) {
        continue;
      }
      out.computeIfAbsent(s.currency(), c -> new ArrayList<>())
          .add(
              new InvoiceLine(
                  "commission",
                  null,
                  "Commission "
                      + Commission.percent(bps)
                      + " % of ticket revenue "
                      + s.currency()
                      + " "
                      + java.math.BigDecimal.valueOf(s.netRevenueMinor())
                          .movePointLeft(
                              java.util.Currency.getInstance(s.currency())
                                  .getDefaultFractionDigits())
                          .toPlainString()
                      + " ("
                      + s.tickets()
                      + " tickets)",
                  1,
                  amount,
                  amount));
    }
    out.values().removeIf(List::isEmpty);
    return out;
  }

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
