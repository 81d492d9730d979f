package io.marquee.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a visitor searches for: words, a time range, category/genre/city, a price range in minor
 * units, a distance from a point, a sort order and a page. Empty filters match everything.
 */
public record EventQuery(
    List<String> words,
    Instant from,
    Instant to,
    String category,
    String genre,
    String city,
    UUID venueId,
    UUID organiserId,
    Long minPriceMinor,
    Long maxPriceMinor,
    BigDecimal latitude,
    BigDecimal longitude,
    Integer withinKm,
    Sort sort,
    int page,
    int pageSize) {

  /** How results are ordered. */
  public enum Sort {
    DATE,
    PRICE,
    POPULARITY,
    DISTANCE;

    public static Sort parse(String s) {
      if (s == null || s.isBlank()) {
        return DATE;
      }
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** At most this many words are matched: each one must appear somewhere in the event. */
  public static final int MAX_WORDS = 8;

  public EventQuery {
    words = words == null ? List.of() : List.copyOf(words);
    sort = sort == null ? Sort.DATE : sort;
    page = Math.max(1, page);
    pageSize = Math.max(1, Math.min(pageSize, 100));
    if (sort == Sort.DISTANCE && latitude == null) {
      sort = Sort.DATE;
    }
  }

  /** Splits free text into lower-case words (punctuation separates words). */
  public static List<String> wordsOf(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[\\s,;]+"))
        .map(String::strip)
        .filter(w -> !w.isEmpty())
        .limit(MAX_WORDS)
        .toList();
  }

  public static EventQuery all(int pageSize) {
    return new EventQuery(
        List.of(), null, null, null, null, null, null, null, null, null, null, null, null,
        Sort.DATE, 1, pageSize);
  }

  public EventQuery withPage(int p) {
    return new EventQuery(
        words,
        from,
        to,
        category,
        genre,
        city,
        venueId,
        organiserId,
        minPriceMinor,
        maxPriceMinor,
        latitude,
        longitude,
        withinKm,
        sort,
        p,
        pageSize);
  }

  public int offset() {
    return (page - 1) * pageSize;
  }
}
