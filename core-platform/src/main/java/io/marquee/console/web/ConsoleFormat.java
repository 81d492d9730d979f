package io.marquee.console.web;

import io.marquee.common.domain.Money;
import io.marquee.common.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/** How the console reads and shows money and local times. */
final class ConsoleFormat {
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ConsoleFormat() {}

  static String money(long minor, String currency) {
    return Money.of(minor, currency).toString();
  }

  /** "25.00" → 2500 for EUR; refuses more decimals than the currency has. */
  static long minor(String field, String text, String currency) {
    try {
      BigDecimal v = new BigDecimal(text.strip().replace(',', '.'));
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      if (v.signum() < 0 || v.scale() > digits) {
        throw ProblemException.invalid(field, "enter an amount like 25.00");
      }
      return v.movePointRight(digits).longValueExact();
    } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
      throw ProblemException.invalid(field, "enter an amount like 25.00");
    }
  }

  static String local(Instant t, String zone) {
    return t == null ? "" : LOCAL.format(t.atZone(ZoneId.of(zone)));
  }

  /** "2027-01-15 21:00" in the zone → an instant; blank → null. */
  static Instant parseLocal(String field, String text, String zone) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip(), LOCAL).atZone(ZoneId.of(zone)).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "use the form 2027-01-15 21:00");
    }
  }
}
