package io.marquee.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event date. Dates of a multi-date event share a {@code seriesId} (the first date's id) and
 * were created from the same definition.
 */
public record Event(
    UUID id,
    UUID seriesId,
    String slug,
    String title,
    String description,
    String category,
    List<String> genres,
    List<String> images,
    List<String> lineup,
    UUID venueId,
    String timeZone,
    Instant startsAt,
    Instant endsAt,
    Instant doorsAt,
    Integer ageRestriction,
    EventStatus status,
    SalesWindow sales,
    String currency,
    boolean attendeeNamesRequired,
    int counterHoldHours,
    String refundPolicyJson,
    UUID organiserId) {

  public boolean onSale(Instant now) {
    return status == EventStatus.PUBLISHED && sales.contains(now) && now.isBefore(endOrStart());
  }

  public Instant endOrStart() {
    return endsAt != null ? endsAt : startsAt.plusSeconds(6 * 3600);
  }
}
