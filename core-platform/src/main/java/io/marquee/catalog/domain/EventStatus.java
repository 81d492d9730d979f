package io.marquee.catalog.domain;

import java.util.Locale;

/** An event's life: draft → published → cancelled or completed; a draft may be cancelled too. */
public enum EventStatus {
  DRAFT,
  PUBLISHED,
  CANCELLED,
  COMPLETED;

  public boolean canBecome(EventStatus next) {
    return switch (this) {
      case DRAFT -> next == PUBLISHED || next == CANCELLED;
      case PUBLISHED -> next == CANCELLED || next == COMPLETED;
      case CANCELLED, COMPLETED -> false;
    };
  }

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EventStatus fromDb(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
