package io.marquee.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.catalog.domain.TaxRule;
import io.marquee.ordering.domain.PriceCalculator;
import io.marquee.ordering.domain.PriceQuote;
import io.marquee.ordering.domain.PricedTicket;
import io.marquee.ordering.domain.Promotion;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PriceCalculatorTest {
  static final UUID GA = UUID.randomUUID();
  static final UUID VIP = UUID.randomUUID();

  static List<PriceCalculator.Unit> units(UUID type, long price, int n) {
    List<PriceCalculator.Unit> u = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      u.add(new PriceCalculator.Unit(type, price));
    }
    return u;
  }

  @Test
  void inclusiveTaxIsCarvedOutOfThePriceAndTheFeeIsAddedUntaxed() {
    PriceQuote q =
        PriceCalculator.quote("EUR", units(GA, 2500, 2), null, 100, new TaxRule(true, 2100));
    // 25.00 incl. 21 % VAT → 4.34 tax (433.88 rounded half-up), + 1.00 fee each.
    assertEquals(434, q.tickets().get(0).tax());
    assertEquals(2600, q.tickets().get(0).amount());
    assertEquals(5200, q.total());
    assertEquals(5000 - 868, q.net());
  }

  @Test
  void exclusiveTaxIsAddedOnTop() {
    PriceQuote q =
        PriceCalculator.quote("EUR", units(GA, 1999, 1), null, 0, new TaxRule(false, 1500));
    assertEquals(300, q.tax()); // 299.85 → 300
    assertEquals(2299, q.total());
    assertEquals(1999, q.net());
  }

  @Test
  void percentDiscountIsSpreadWithoutLosingACent() {
    List<PriceCalculator.Unit> u = units(GA, 1000, 3);
    Promotion tenPercentOff = new Promotion(UUID.randomUUID(), true, 3333, 0, null);
    PriceQuote q = PriceCalculator.quote("EUR", u, tenPercentOff, 0, new TaxRule(true, 0));
    assertEquals(999, q.discount()); // floor(3000 × 33.33 %)
    assertEquals(3000 - 999, q.total());
    long max = q.tickets().stream().mapToLong(PricedTicket::discount).max().orElseThrow();
    long min = q.tickets().stream().mapToLong(PricedTicket::discount).min().orElseThrow();
    assertTrue(max - min <= 1, "shares differ by at most one cent");
  }

  @Test
  void fixedDiscountPerTypeAppliesToEachTicketOfThatTypeOnlyAndNeverBelowZero() {
    List<PriceCalculator.Unit> u = new ArrayList<>(units(GA, 500, 2));
    u.addAll(units(VIP, 6000, 1));
    Promotion fiveOffGa = new Promotion(UUID.randomUUID(), false, 0, 800, GA);
    PriceQuote q = PriceCalculator.quote("EUR", u, fiveOffGa, 100, new TaxRule(true, 0));
    assertEquals(1000, q.discount());
    assertEquals(0, q.tickets().get(0).amount(), "a ticket made free carries no fee");
    assertEquals(6100, q.total());
  }

  @Test
  void totalsAreAlwaysTheSumOfTicketsAndSharesAddUp() {
    Random r = new Random(42);
    for (int i = 0; i < 5000; i++) {
      List<PriceCalculator.Unit> u = new ArrayList<>();
      int n = 1 + r.nextInt(8);
      for (int k = 0; k < n; k++) {
        u.add(new PriceCalculator.Unit(r.nextBoolean() ? GA : VIP, r.nextInt(100_000)));
      }
      Promotion p =
          switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 ->
                new Promotion(
                    UUID.randomUUID(), true, 1 + r.nextInt(10_000), 0, r.nextBoolean() ? GA : null);
            case 2 -> new Promotion(UUID.randomUUID(), false, 0, 1 + r.nextInt(50_000), null);
            default -> new Promotion(UUID.randomUUID(), false, 0, 1 + r.nextInt(5_000), VIP);
          };
      TaxRule tax = new TaxRule(r.nextBoolean(), r.nextInt(3000));
      PriceQuote q = PriceCalculator.quote("EUR", u, p, r.nextInt(300), tax);
      for (PricedTicket t : q.tickets()) {
        assertTrue(t.discount() >= 0 && t.discount() <= t.price(), t.toString());
        assertEquals(t.amount(), t.net() + t.tax() + t.fee(), t.toString());
        assertTrue(t.amount() >= 0);
      }
      assertEquals(
          q.total(), q.subtotal() - q.discount() + q.fee() + (tax.inclusive() ? 0 : q.tax()));
    }
  }
}
