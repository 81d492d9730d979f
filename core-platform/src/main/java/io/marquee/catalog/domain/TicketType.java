package io.marquee.catalog.domain;

import java.util.List;
import java.util.UUID;

/** Something to buy for an event, with its own capacity; {@code taken} = held + sold. */
public record TicketType(
    UUID id,
    UUID eventId,
    String name,
    String description,
    TicketKind kind,
    long priceMinor,
    String currency,
    int capacity,
    int taken,
    int sold,
    SalesWindow sales,
    int minPerOrder,
    int maxPerOrder,
    Visibility visibility,
    String unlockCode,
    List<String> benefits,
    int sortOrder) {

  public int available() {
    return capacity - taken;
  }

  public boolean visibleWith(String code) {
    return visibility == Visibility.PUBLIC
        || (visibility == Visibility.CODE
            && unlockCode != null
            && unlockCode.equalsIgnoreCase(code));
  }
}
