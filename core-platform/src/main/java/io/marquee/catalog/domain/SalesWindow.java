package io.marquee.catalog.domain;

import java.time.Instant;

/** When something is on sale; an open end means no limit on that side. */
public record SalesWindow(Instant start, Instant end) {
  public SalesWindow {
    if (start != null && end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException("sales end must be after sales start");
    }
  }

  public boolean contains(Instant t) {
    return (start == null || !t.isBefore(start)) && (end == null || t.isBefore(end));
  }

  public boolean notYetOpen(Instant t) {
    return start != null && t.isBefore(start);
  }
}
