package io.marquee.ledger.domain;

import java.util.UUID;

/**
 * The posting rules: how each money movement is recorded. A sale debits the money received (gateway
 * clearing or door cash) and credits event revenue, tax payable and booking fees; a refund reverses
 * those shares into the event's refunds account.
 */
public final class Postings {
  private Postings() {}

  /** Money a sale brought in, split into its shares. */
  public record Shares(long net, long tax, long fee) {
    public long total() {
      return net + tax + fee;
    }
  }

  public static JournalEntry payment(
      UUID orderId,
      UUID eventId,
      String eventTitle,
      String currency,
      String provider,
      Shares s,
      String memo) {
    return new JournalEntry.Builder("payment", orderId, eventId, currency, memo)
        .debit(Account.clearing(provider), s.total())
        .credit(Account.revenue(eventId, eventTitle), s.net())
        .credit(Account.TAX_PAYABLE, s.tax())
        .credit(Account.BOOKING_FEES, s.fee())
        .build();
  }

  public static JournalEntry refund(
      UUID orderId,
      UUID eventId,
      String eventTitle,
      String currency,
      String provider,
      Shares s,
      String memo) {
    return new JournalEntry.Builder("refund", orderId, eventId, currency, memo)
        .debit(Account.refunds(eventId, eventTitle), s.net())
        .debit(Account.TAX_PAYABLE, s.tax())
        .debit(Account.BOOKING_FEES, s.fee())
        .credit(Account.clearing(provider), s.total())
        .build();
  }

  /**
   * Splits a refund of {@code amount} (not tied to tickets) the way the order was made up: tax in
   * proportion, booking fees kept, the rest revenue.
   */
  public static Shares amountShares(long amount, long orderTotal, long orderTax) {
    long tax = orderTotal == 0 ? 0 : Math.floorDiv(amount * orderTax, orderTotal);
    return new Shares(amount - tax, tax, 0);
  }
}
