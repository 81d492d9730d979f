package io.marquee.ledger.domain;

import java.util.Locale;

/** Asset and expense accounts grow with debits; liability, revenue grow with credits. */
public enum AccountType {
  ASSET,
  LIABILITY,
  REVENUE,
  CONTRA,
  EXPENSE;

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }
}
