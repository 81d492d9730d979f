package io.marquee.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;

/**
 * Monthly fees by day: a plugin is billed for each calendar day (UTC) of the month on which it was
 * enabled at any moment, at fee × days ÷ days-in-month, half up. Enabling, disabling and enabling
 * again within one day bills that day once.
 */
public final class Proration {
  private Proration() {}

  /** An enabled period; {@code end} is null while still enabled. */
  public record Period(Instant start, Instant end) {
    public Period {
      if (end != null && end.isBefore(start)) {
        throw new IllegalArgumentException("a period cannot end before it starts");
      }
    }
  }

  public static int daysBilled(YearMonth month, List<Period> periods) {
    TreeSet<LocalDate> days = new TreeSet<>();
    Instant monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (Period p : periods) {
      Instant from = p.start().isBefore(monthStart) ? monthStart : p.start();
      Instant to = p.end() == null || p.end().isAfter(monthEnd) ? monthEnd : p.end();
      if (!from.isBefore(to) && !(from.equals(to) && p.start().equals(p.end()))) {
        continue;
      }
      LocalDate d = LocalDate.ofInstant(from, ZoneOffset.UTC);
      // The last day counted is the one the period ends in (an end exactly at midnight ends the
      // day before).
      LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
      if (last.isBefore(d)) {
        last = d;
      }
      for (LocalDate x = d; !x.isAfter(last); x = x.plusDays(1)) {
        if (YearMonth.from(x).equals(month)) {
          days.add(x);
        }
      }
    }
    return days.size();
  }

  public static long amount(long monthlyMinor, YearMonth month, int days) {
    return BigDecimal.valueOf(monthlyMinor)
        .multiply(BigDecimal.valueOf(days))
        .divide(BigDecimal.valueOf(month.lengthOfMonth()), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
