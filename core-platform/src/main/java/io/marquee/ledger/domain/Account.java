package io.marquee.ledger.domain;

import java.util.UUID;

/**
 * The chart of accounts of a tenant. Codes are stable strings; per-provider and per-event accounts
 * embed the provider or event id.
 */
public record Account(String code, String name, AccountType type) {
  public static Account clearing(String provider) {
    return "counter".equals(provider)
        ? new Account("cash:door", "Cash and card taken at the door", AccountType.ASSET)
        : new Account(
            "clearing:" + provider, "Gateway clearing (" + provider + ")", AccountType.ASSET);
  }

  public static Account revenue(UUID eventId, String title) {
    return new Account("revenue:" + eventId, "Ticket revenue: " + title, AccountType.REVENUE);
  }

  public static Account refunds(UUID eventId, String title) {
    return new Account("refunds:" + eventId, "Refunds: " + title, AccountType.CONTRA);
  }

  public static final Account TAX_PAYABLE =
      new Account("tax:payable", "Tax payable", AccountType.LIABILITY);
  public static final Account BOOKING_FEES =
      new Account("fees:booking", "Booking fees payable", AccountType.LIABILITY);
  public static final Account CUSTOMER_CREDIT =
      new Account("customer:credit", "Customer credit", AccountType.LIABILITY);
}
