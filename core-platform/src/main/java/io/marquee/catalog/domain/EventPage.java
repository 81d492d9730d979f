package io.marquee.catalog.domain;

import java.util.List;

/** A page of search results and how many there are in all. */
public record EventPage(List<EventHit> hits, long total, int page, int pageSize) {
  public int pages() {
    return (int) Math.max(1, (total + pageSize - 1) / pageSize);
  }
}
