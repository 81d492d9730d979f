package io.marquee.ticketing.domain;

import java.util.Locale;

/** held (order pending) → valid (paid) → refunded or void (event cancelled, order refunded). */
public enum TicketStatus {
  HELD,
  VALID,
  REFUNDED,
  VOID;

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TicketStatus fromDb(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
