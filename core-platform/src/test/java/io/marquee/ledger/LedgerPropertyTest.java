package io.marquee.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marquee.catalog.domain.TaxRule;
import io.marquee.ledger.domain.Account;
import io.marquee.ledger.domain.JournalEntry;
import io.marquee.ledger.domain.JournalLine;
import io.marquee.ledger.domain.Postings;
import io.marquee.ordering.domain.PriceCalculator;
import io.marquee.ordering.domain.PriceQuote;
import io.marquee.ordering.domain.PricedTicket;
import io.marquee.ordering.domain.Promotion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random histories of orders, gateway and counter payments, ticket and amount refunds
 * and transfers, posted with the production posting rules: every entry balances, the trial balance
 * is zero, and each order's money in the ledger equals what the order says it kept.
 */
class LedgerPropertyTest {
  static final UUID EVENT = UUID.randomUUID();

  static final class Sim {
    final PriceQuote quote;
    final String provider;
    final boolean[] refunded;
    long refundedMinor;
    final UUID id = UUID.randomUUID();

    Sim(PriceQuote q, String provider) {
      this.quote = q;
      this.provider = provider;
      this.refunded = new boolean[q.tickets().size()];
    }

    long total() {
      return quote.total();
    }
  }

  @Test
  void randomHistoriesKeepTheLedgerBalancedAndReconciled() {
    Random r = new Random(20261122);
    for (int history = 0; history < 2000; history++) {
      List<JournalEntry> ledger = new ArrayList<>();
      List<Sim> orders = new ArrayList<>();
      TaxRule tax = new TaxRule(r.nextBoolean(), r.nextInt(2500));
      long fee = r.nextInt(3) * 75L;
      int steps = 5 + r.nextInt(40);
      for (int s = 0; s < steps; s++) {
        int op = r.nextInt(10);
        if (op < 4 || orders.isEmpty()) {
          List<PriceCalculator.Unit> units = new ArrayList<>();
          UUID type = UUID.randomUUID();
          for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
            units.add(
                new PriceCalculator.Unit(type, r.nextInt(4) == 0 ? 0 : 100 + r.nextInt(20_000)));
          }
          Promotion p =
              r.nextInt(3) == 0
                  ? new Promotion(UUID.randomUUID(), true, 1 + r.nextInt(5000), 0, null)
                  : null;
          Sim o =
              new Sim(
                  PriceCalculator.quote("EUR", units, p, fee, tax),
                  r.nextBoolean() ? "test" : "counter");
          orders.add(o);
          ledger.add(
              Postings.payment(
                  o.id,
                  EVENT,
                  "E",
                  "EUR",
                  o.provider,
                  new Postings.Shares(o.quote.net(), o.quote.tax(), o.quote.fee()),
                  "pay"));
        } else if (op < 7) {
          Sim o = orders.get(r.nextInt(orders.size()));
          int i = r.nextInt(o.refunded.length);
          PricedTicket t = o.quote.tickets().get(i);
          if (!o.refunded[i] && o.refundedMinor + t.amount() <= o.total()) {
            o.refunded[i] = true;
            o.refundedMinor += t.amount();
            ledger.add(
                Postings.refund(
                    o.id,
                    EVENT,
                    "E",
                    "EUR",
                    o.provider,
                    new Postings.Shares(t.net(), t.tax(), t.fee()),
                    "ticket"));
          }
        } else if (op < 9) {
          Sim o = orders.get(r.nextInt(orders.size()));
          long left = o.total() - o.refundedMinor;
          if (left > 0) {
            long amount = 1 + (long) (r.nextDouble() * left);
            o.refundedMinor += amount;
            ledger.add(
                Postings.refund(
                    o.id,
                    EVENT,
                    "E",
                    "EUR",
                    o.provider,
                    Postings.amountShares(amount, o.total(), o.quote.tax()),
                    "amount"));
          }
        }
        // op 9: a transfer moves no money and posts nothing
      }
      long trial = 0;
      Map<UUID, Long> cashPerOrder = new HashMap<>();
      for (JournalEntry e : ledger) {
        long entryBalance = 0;
        for (JournalLine l : e.lines()) {
          entryBalance += l.debit() - l.credit();
          trial += l.debit() - l.credit();
          String code = l.account().code();
          if (code.startsWith("clearing:") || code.equals("cash:door")) {
            cashPerOrder.merge(e.orderId(), l.debit() - l.credit(), Long::sum);
          }
        }
        assertEquals(0, entryBalance, "entry balanced");
      }
      assertEquals(0, trial, "trial balance");
      for (Sim o : orders) {
        assertEquals(
            o.total() - o.refundedMinor, cashPerOrder.getOrDefault(o.id, 0L), "order reconciles");
      }
    }
  }

  @Test
  void anUnbalancedEntryCannotBeBuilt() {
    assertThrows(
        IllegalStateException.class,
        () ->
            new JournalEntry(
                "x",
                null,
                null,
                "EUR",
                null,
                List.of(
                    JournalLine.debit(Account.TAX_PAYABLE, 100),
                    JournalLine.credit(Account.BOOKING_FEES, 99))));
    assertThrows(IllegalArgumentException.class, () -> JournalLine.debit(Account.TAX_PAYABLE, 0));
  }
}
