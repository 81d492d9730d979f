package io.marquee.notifications.domain;

import java.util.Locale;

/** The mails the storefront sends, each tied to one business fact. */
public enum NotificationKind {
  ORDER_CONFIRMATION,
  RESERVATION_CONFIRMATION,
  RESERVATION_REMINDER,
  REFUND_CONFIRMATION,
  TICKET_TRANSFERRED,
  REFUND_REQUESTED;

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NotificationKind fromDb(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
