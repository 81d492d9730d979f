package io.marquee.ordering.domain;

import java.util.Locale;

/**
 * pending (capacity held) → paid → partially refunded → refunded; pending → expired or cancelled.
 * Only the pending → expired/cancelled and ticket refund transitions return capacity, and each is a
 * conditional update, so capacity comes back exactly once.
 */
public enum OrderStatus {
  PENDING,
  PAID,
  PARTIALLY_REFUNDED,
  REFUNDED,
  EXPIRED,
  CANCELLED;

  public boolean canBecome(OrderStatus next) {
    return switch (this) {
      case PENDING -> next == PAID || next == EXPIRED || next == CANCELLED;
      case PAID, PARTIALLY_REFUNDED -> next == PARTIALLY_REFUNDED || next == REFUNDED;
      case REFUNDED, EXPIRED, CANCELLED -> false;
    };
  }

  public boolean holdsCapacity() {
    return this == PENDING;
  }

  public boolean isPaid() {
    return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
  }

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OrderStatus fromDb(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
