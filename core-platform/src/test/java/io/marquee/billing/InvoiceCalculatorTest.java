package io.marquee.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.marquee.billing.domain.InvoiceCalculator;
import io.marquee.billing.domain.InvoiceLine;
import io.marquee.billing.domain.PluginPrice;
import io.marquee.billing.domain.Proration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proration by day and invoice lines, with exact amounts. */
class InvoiceCalculatorTest {
  static final YearMonth DEC = YearMonth.of(2026, 12); // 31 days
  static final YearMonth FEB = YearMonth.of(2027, 2); // 28 days

  static Proration.Period p(String from, String to) {
    return new Proration.Period(Instant.parse(from), to == null ? null : Instant.parse(to));
  }

  @Test
  void aWholeMonthIsTheFullFee() {
    assertEquals(31, Proration.daysBilled(DEC, List.of(p("2026-11-20T10:00:00Z", null))));
    assertEquals(1500, Proration.amount(1500, DEC, 31));
  }

  @Test
  void enableDisableAndReEnableInOneMonthBillEachDayOnce() {
    List<Proration.Period> periods =
        List.of(
            p("2026-12-03T09:00:00Z", "2026-12-05T18:00:00Z"), // 3, 4, 5
            p("2026-12-05T20:00:00Z", "2026-12-05T21:00:00Z"), // 5 again: once
            p("2026-12-20T00:00:00Z", "2026-12-22T00:00:00Z")); // 20, 21 (ends at midnight)
    assertEquals(5, Proration.daysBilled(DEC, periods));
    // €15 × 5 / 31 = 2.419… → 242 cents
    assertEquals(242, Proration.amount(1500, DEC, 5));
    // €5 × 5 / 31 = 0.806… → 81 cents
    assertEquals(81, Proration.amount(500, DEC, 5));
  }

  @Test
  void periodsOutsideTheMonthDoNotCount() {
    assertEquals(
        0, Proration.daysBilled(DEC, List.of(p("2026-10-01T00:00:00Z", "2026-11-30T23:59:59Z"))));
    assertEquals(
        2, Proration.daysBilled(FEB, List.of(p("2027-01-15T00:00:00Z", "2027-02-02T12:00:00Z"))));
    assertEquals(107, Proration.amount(1500, FEB, 2)); // 15 × 2 / 28 = 1.0714 → 107
    assertEquals(
        1,
        Proration.daysBilled(DEC, List.of(p("2026-12-09T10:00:00Z", "2026-12-09T10:00:00Z"))),
        "enabled and disabled in the same instant still touched that day");
  }

  @Test
  void invoiceLinesForFeesAndUsage() {
    PluginPrice checkin = new PluginPrice(1500, "EUR", Map.of("scan", 1L, "device", 500L));
    PluginPrice surveys = new PluginPrice(500, "EUR", Map.of());
    List<InvoiceLine> lines =
        InvoiceCalculator.lines(
            DEC,
            List.of(
                new InvoiceCalculator.PluginMonth(
                    "checkin",
                    checkin,
                    List.of(p("2026-12-01T00:00:00Z", null)),
                    Map.of("scan", 1234L, "device", 2L),
                    false),
                new InvoiceCalculator.PluginMonth(
                    "surveys", surveys, List.of(p("2026-12-17T12:00:00Z", null)), Map.of(), false),
                new InvoiceCalculator.PluginMonth(
                    "crm",
                    new PluginPrice(2500, "EUR", Map.of()),
                    List.of(p("2026-12-01T00:00:00Z", null)),
                    Map.of(),
                    true)));
    assertEquals(4, lines.size(), lines.toString());
    assertEquals(1500, lines.get(0).amountMinor()); // check-in, whole month
    assertEquals(1000, lines.get(1).amountMinor()); // 2 devices × €5.00
    assertEquals(1234, lines.get(2).amountMinor()); // 1,234 scans × €0.01
    assertEquals(242, lines.get(3).amountMinor()); // surveys: 15 of 31 days × €5 = 2.419 → 242
    assertEquals(1500 + 1000 + 1234 + 242, InvoiceCalculator.total(lines));
  }

  static final io.marquee.billing.domain.Plan PAYG =
      new io.marquee.billing.domain.Plan(
          "payg",
          "Pay as you go",
          0,
          "EUR",
          List.of(
              new io.marquee.billing.domain.Plan.CommissionTier(2000, 500),
              new io.marquee.billing.domain.Plan.CommissionTier(0, 1500),
              new io.marquee.billing.domain.Plan.CommissionTier(500, 1000)));

  @Test
  void theTierReachedByTheMonthsTicketsSetsTheCommissionRate() {
    assertEquals(1500, PAYG.commissionBps(0));
    assertEquals(1500, PAYG.commissionBps(499));
    assertEquals(1000, PAYG.commissionBps(500));
    assertEquals(500, PAYG.commissionBps(2000));
    // 15 % of 12,345.67 = 1,851.8505 → 1,851.85; a negative month owes nothing
    assertEquals(185_185, io.marquee.billing.domain.Commission.amount(1_234_567, 1500));
    assertEquals(0, io.marquee.billing.domain.Commission.amount(-5000, 1500));
    assertEquals("2.5", io.marquee.billing.domain.Commission.percent(250));
  }

  @Test
  void planFeesAreProratedAndCommissionsLandInTheirOwnCurrency() {
    var pro =
        new io.marquee.billing.domain.Plan(
            "pro",
            "Pro",
            9900,
            "EUR",
            List.of(new io.marquee.billing.domain.Plan.CommissionTier(0, 250)));
    Map<String, List<InvoiceLine>> out =
        InvoiceCalculator.invoices(
            DEC,
            "EUR",
            List.of(
                new InvoiceCalculator.PlanMonth(
                    PAYG, List.of(p("2026-01-01T00:00:00Z", "2026-12-11T12:00:00Z"))),
                new InvoiceCalculator.PlanMonth(pro, List.of(p("2026-12-11T12:00:00Z", null)))),
            List.of(),
            List.of(
                new InvoiceCalculator.SalesMonth("EUR", 100_000, 40),
                new InvoiceCalculator.SalesMonth("IDR", 450_000, 3)));
    // Pro from the 11th to the 31st: 21 days of €99 → 67.06; the changeover month's commission
    // is Pro's 2.5 % (the plan in force at the month's end).
    assertEquals(
        List.of(
            new InvoiceLine("plan", null, "Plan Pro: 21 of 31 days", 21, 9900, 6706),
            new InvoiceLine(
                "commission",
                null,
                "Commission 2.5 % of ticket revenue EUR 1000.00 (40 tickets)",
                1,
                2500,
                2500)),
        out.get("EUR"));
    assertEquals(11_250, out.get("IDR").get(0).amountMinor());
    assertEquals(List.of("EUR", "IDR"), List.copyOf(out.keySet()));
  }
}
