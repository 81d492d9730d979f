package io.marquee.billing.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A platform plan: a monthly fee in the billing currency and a commission on ticket revenue. The
 * commission rate can step down with volume: the tier reached by the tickets a tenant issued in the
 * month sets the rate for all of that month's revenue (NightScene's 15 % → 5 % is one such plan).
 */
public record Plan(
    String code, String name, long monthlyMinor, String currency, List<CommissionTier> tiers) {

  /** From this many tickets issued in a month on, the commission is {@code bps} basis points. */
  public record CommissionTier(long fromTickets, int bps) {
    public CommissionTier {
      if (fromTickets < 0 || bps < 0 || bps > 10_000) {
        throw new IllegalArgumentException("bad commission tier " + fromTickets + ":" + bps);
      }
    }
  }

  public Plan {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(currency, "currency");
    if (monthlyMinor < 0) {
      throw new IllegalArgumentException("a plan fee cannot be negative");
    }
    tiers = tiers.stream().sorted(Comparator.comparingLong(CommissionTier::fromTickets)).toList();
    if (!tiers.isEmpty() && tiers.get(0).fromTickets() != 0) {
      throw new IllegalArgumentException("the first commission tier must start at 0 tickets");
    }
  }

  /** The commission rate for a month in which the tenant issued {@code tickets} tickets. */
  public int commissionBps(long tickets) {
    int bps = 0;
    for (CommissionTier t : tiers) {
      if (tickets >= t.fromTickets()) {
        bps = t.bps();
      }
    }
    return bps;
  }
}
