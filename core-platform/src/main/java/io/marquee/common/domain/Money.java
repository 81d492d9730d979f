package io.marquee.common.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in minor units (cents, sen) of an ISO-4217 currency. Arithmetic across currencies
 * is refused rather than converted.
 */
public record Money(long minor, String currency) {
  public Money {
    Objects.requireNonNull(currency, "currency");
    Currency.getInstance(currency); // rejects unknown codes
  }

  public static Money of(long minor, String currency) {
    return new Money(minor, currency);
  }

  /** From a decimal amount, e.g. 12.50 EUR; more decimals than the currency has is refused. */
  public static Money ofDecimal(BigDecimal major, String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    return new Money(
        major.setScale(digits, java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact(),
        currency);
  }

  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  public Money plus(Money other) {
    sameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money minus(Money other) {
    sameCurrency(other);
    return new Money(Math.subtractExact(minor, other.minor), currency);
  }

  /** Decimal form for display and exports, e.g. 1250 EUR → 12.50. */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits());
  }

  private void sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: " + currency + " and " + other.currency);
    }
  }

  @Override
  public String toString() {
    return toDecimal().toPlainString() + " " + currency;
  }
}
