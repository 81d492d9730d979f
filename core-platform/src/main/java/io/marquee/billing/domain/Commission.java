package io.marquee.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The platform's commission on a month's net ticket revenue, exact in minor units. */
public final class Commission {
  private Commission() {}

  /**
   * {@code netMinor} × {@code bps} ÷ 10,000, half up. A month whose refunds exceed its sales owes
   * no commission (an invoice line is never negative; the loss is not carried forward).
   */
  public static long amount(long netMinor, int bps) {
    if (netMinor <= 0 || bps == 0) {
      return 0;
    }
    return BigDecimal.valueOf(netMinor)
        .multiply(BigDecimal.valueOf(bps))
        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** A rate in basis points as people read it: 1500 → "15", 250 → "2.5". */
  public static String percent(int bps) {
    return BigDecimal.valueOf(bps).movePointLeft(2).stripTrailingZeros().toPlainString();
  }
}
