package io.marquee.ordering.domain;

import java.util.List;

/** An order's totals, always the exact sums of its tickets' breakdowns. */
public record PriceQuote(String currency, List<PricedTicket> tickets) {
  public long subtotal() {
    return tickets.stream().mapToLong(PricedTicket::price).sum();
  }

  public long discount() {
    return tickets.stream().mapToLong(PricedTicket::discount).sum();
  }

  public long fee() {
    return tickets.stream().mapToLong(PricedTicket::fee).sum();
  }

  public long tax() {
    return tickets.stream().mapToLong(PricedTicket::tax).sum();
  }

  public long total() {
    return tickets.stream().mapToLong(PricedTicket::amount).sum();
  }

  public long net() {
    return tickets.stream().mapToLong(PricedTicket::net).sum();
  }
}
