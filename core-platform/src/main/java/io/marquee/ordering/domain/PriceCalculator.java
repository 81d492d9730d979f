package io.marquee.ordering.domain;

import io.marquee.catalog.domain.TaxRule;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Prices an order ticket by ticket in minor units: discount first (a percentage or an order-level
 * fixed amount is spread over the eligible tickets by largest remainder, so nothing is lost to
 * rounding), then the booking fee on every ticket that costs something, then tax on the discounted
 * price. The fee is not taxed.
 */
public final class PriceCalculator {
  private PriceCalculator() {}

  /** One ticket to price: its type, its unit price and whether it is free of charge by kind. */
  public record Unit(UUID ticketTypeId, long price) {}

  public static PriceQuote quote(
      String currency, List<Unit> units, Promotion promo, long feePerTicket, TaxRule tax) {
    long[] discounts = discounts(units, promo);
    List<PricedTicket> out = new ArrayList<>(units.size());
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      long discounted = u.price() - discounts[i];
      long fee = discounted > 0 ? feePerTicket : 0;
      long t = tax.taxOf(discounted);
      long amount = discounted + fee + (tax.inclusive() ? 0 : t);
      long net = discounted - (tax.inclusive() ? t : 0);
      out.add(new PricedTicket(u.ticketTypeId(), u.price(), discounts[i], fee, t, amount, net));
    }
    return new PriceQuote(currency, List.copyOf(out));
  }

  static long[] discounts(List<Unit> units, Promotion promo) {
    long[] d = new long[units.size()];
    if (promo == null) {
      return d;
    }
    if (!promo.percent() && promo.ticketTypeId() != null) {
      for (int i = 0; i < d.length; i++) {
        if (promo.appliesTo(units.get(i).ticketTypeId())) {
          d[i] = Math.min(promo.amountMinor(), units.get(i).price());
        }
      }
      return d;
    }
    long eligible = 0;
    for (Unit u : units) {
      if (promo.appliesTo(u.ticketTypeId())) {
        eligible += u.price();
      }
    }
    if (eligible == 0) {
      return d;
    }
    long total =
        promo.percent()
            ? eligible * promo.percentBp() / 10_000
            : Math.min(promo.amountMinor(), eligible);
    // Largest-remainder allocation proportional to each eligible ticket's price.
    long allocated = 0;
    long[] remainders = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      if (promo.appliesTo(units.get(i).ticketTypeId())) {
        long share = total * units.get(i).price();
        d[i] = share / eligible;
        remainders[i] = share % eligible;
        allocated += d[i];
      } else {
        remainders[i] = -1;
      }
    }
    for (long left = total - allocated; left > 0; left--) {
      int best = -1;
      for (int i = 0; i < d.length; i++) {
        if (remainders[i] >= 0
            && d[i] < units.get(i).price()
            && (best < 0 || remainders[i] > remainders[best])) {
          best = i;
        }
      }
      d[best]++;
      remainders[best] = -1;
    }
    return d;
  }
}
