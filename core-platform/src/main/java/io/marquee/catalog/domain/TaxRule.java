package io.marquee.catalog.domain;

/**
 * A tenant's sales tax: a rate in basis points (1500 = 15 %), either included in ticket prices or
 * added on top. Rounded half-up per ticket, so order totals are sums of exact ticket amounts.
 */
public record TaxRule(boolean inclusive, int rateBp) {
  public TaxRule {
    if (rateBp < 0 || rateBp > 10_000) {
      throw new IllegalArgumentException("tax rate must be between 0 and 100 %");
    }
  }

  /** The tax in a taxable amount (inclusive) or on it (exclusive), in minor units. */
  public long taxOf(long taxable) {
    if (rateBp == 0 || taxable == 0) {
      return 0;
    }
    long numerator = taxable * rateBp;
    long denominator = inclusive ? 10_000L + rateBp : 10_000L;
    return (numerator * 2 + denominator) / (denominator * 2);
  }
}
