package io.marquee.catalog.domain;

/**
 * One search result: the event with what a listing shows of its venue and public ticket types.
 * {@code fromPriceMinor} is null when no public ticket type exists; {@code distanceKm} is null
 * unless the search named a point.
 */
public record EventHit(
    Event event,
    String venueName,
    String venueCity,
    Long fromPriceMinor,
    long available,
    long sold,
    Double distanceKm) {

  public boolean soldOut() {
    return fromPriceMinor != null && available == 0;
  }
}
