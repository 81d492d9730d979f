package io.marquee.catalog.domain;

import java.util.Locale;

/**
 * What a ticket type is. Free, reward and complimentary tickets cost nothing and carry no booking
 * fee; a donation ticket's price is the minimum the buyer gives.
 */
public enum TicketKind {
  PAID,
  FREE,
  DONATION,
  REWARD,
  COMPLIMENTARY;

  public boolean isFreeOfCharge() {
    return this == FREE || this == REWARD || this == COMPLIMENTARY;
  }

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TicketKind parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
