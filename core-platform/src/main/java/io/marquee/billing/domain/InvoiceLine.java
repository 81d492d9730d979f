package io.marquee.billing.domain;

/** One line of a monthly invoice: what, how many, at what unit price, and the exact amount. */
public record InvoiceLine(
    String kind,
    String pluginId,
    String description,
    long quantity,
    long unitMinor,
    long amountMinor) {
  public InvoiceLine {
    if (amountMinor < 0) {
      throw new IllegalArgumentException("an invoice line cannot be negative");
    }
  }
}
