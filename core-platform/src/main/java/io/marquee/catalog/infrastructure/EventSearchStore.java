package io.marquee.catalog.infrastructure;

import io.marquee.catalog.domain.EventHit;
import io.marquee.catalog.domain.EventPage;
import io.marquee.catalog.domain.EventQuery;
import io.marquee.common.persistence.TenantSql;
import java.util.ArrayList;
import java.util.List;

/**
 * The storefront's search as one SQL statement per page: filters in the WHERE clause, listing
 * figures from a lateral aggregate over public ticket types, the total from a window count. Only
 * published events that have not ended are ever returned.
 */
public final class EventSearchStore {
  private static final String FROM =
      "SELECT e.*, v.name AS venue_name, v.city AS venue_city, p.from_price, p.available,"
          + " p.sold, %s AS distance_km FROM {t}.event e LEFT JOIN {t}.venue v ON v.id ="
          + " e.venue_id LEFT JOIN LATERAL (SELECT min(tt.price_minor) AS from_price,"
          + " coalesce(sum(tt.capacity - tt.taken), 0) AS available, (SELECT count(*) FROM"
          + " {t}.ticket k WHERE k.event_id = e.id AND k.status = 'valid') AS sold FROM"
          + " {t}.ticket_type tt WHERE tt.event_id = e.id AND tt.visibility = 'public' AND"
          + " tt.kind <> 'complimentary') p ON true WHERE e.status = 'published' AND"
          + " coalesce(e.ends_at, e.starts_at + interval '6 hours') > now()";

  /** Great-circle distance in km (spherical law of cosines, clamped against rounding). */
  private static final String DISTANCE =
      "(6371 * acos(least(1, greatest(-1, cos(radians(?)) * cos(radians(v.latitude)) *"
          + " cos(radians(v.longitude) - radians(?)) + sin(radians(?)) *"
          + " sin(radians(v.latitude))))))";

  private final TenantSql sql;

  public EventSearchStore(TenantSql sql) {
    this.sql = sql;
  }

  public EventPage search(EventQuery q) {
    List<Object> args = new ArrayList<>();
    String distance = "NULL::float8";
    if (q.latitude() != null && q.longitude() != null) {
      distance = DISTANCE;
      args.add(q.latitude());
      args.add(q.longitude());
      args.add(q.latitude());
    }
    StringBuilder where = new StringBuilder();
    for (String w : q.words()) {
      where.append(
          " AND (e.title || ' ' || coalesce(e.description, '') || ' ' || array_to_string(e.lineup,"
              + " ' ') || ' ' || array_to_string(e.genres, ' ') || ' ' || coalesce(e.category, '')"
              + " || ' ' || coalesce(v.name, '') || ' ' || coalesce(v.city, '')) ILIKE ? ESCAPE"
              + " '\\'");
      args.add("%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (q.from() != null) {
      where.append(" AND coalesce(e.ends_at, e.starts_at) >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      where.append(" AND e.starts_at < ?");
      args.add(q.to());
    }
    if (q.category() != null) {
      where.append(" AND lower(e.category) = lower(?)");
      args.add(q.category());
    }
    if (q.genre() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM unnest(e.genres) g WHERE lower(g) = lower(?))");
      args.add(q.genre());
    }
    if (q.venueId() != null) {
      where.append(" AND e.venue_id = ?");
      args.add(q.venueId());
    }
    if (q.organiserId() != null) {
      where.append(" AND e.organiser_id = ?");
      args.add(q.organiserId());
    }
    if (q.city() != null) {
      where.append(" AND lower(v.city) = lower(?)");
      args.add(q.city());
    }
    StringBuilder outer = new StringBuilder(" WHERE true");
    List<Object> outerArgs = new ArrayList<>();
    if (q.minPriceMinor() != null) {
      outer.append(" AND from_price >= ?");
      outerArgs.add(q.minPriceMinor());
    }
    if (q.maxPriceMinor() != null) {
      outer.append(" AND from_price <= ?");
      outerArgs.add(q.maxPriceMinor());
    }
    if (q.withinKm() != null && q.latitude() != null) {
      outer.append(" AND distance_km <= ?");
      outerArgs.add(q.withinKm().doubleValue());
    }
    String order =
        switch (q.sort()) {
          case DATE -> "starts_at, id";
          case PRICE -> "from_price NULLS LAST, starts_at, id";
          case POPULARITY -> "sold DESC, starts_at, id";
          case DISTANCE -> "distance_km NULLS LAST, starts_at, id";
        };
    args.addAll(outerArgs);
    args.add(q.pageSize());
    args.add(q.offset());
    String statement =
        "SELECT h.*, count(*) OVER () AS total FROM ("
            + FROM.formatted(distance)
            + where
            + ") h"
            + outer
            + " ORDER BY "
            + order
            + " LIMIT ? OFFSET ?";
    long[] total = {0};
    List<EventHit> hits =
        sql.list(
            statement,
            rs -> {
              total[0] = rs.getLong("total");
              // wasNull() speaks of the last column read: read the distance and ask at once
              double d = rs.getDouble("distance_km");
              Double km = rs.wasNull() ? null : d;
              return new EventHit(
                  CatalogStore.event(rs),
                  rs.getString("venue_name"),
                  rs.getString("venue_city"),
                  TenantSql.longOrNull(rs, "from_price"),
                  rs.getLong("available"),
                  rs.getLong("sold"),
                  km);
            },
            args.toArray());
    if (hits.isEmpty() && q.page() > 1) {
      // Past the last page: the count is still wanted for the pager.
      total[0] = search(q.withPage(1)).total();
    }
    return new EventPage(hits, total[0], q.page(), q.pageSize());
  }

  /** Distinct categories, genres and cities of what is on, for the quick filters. */
  public record Facets(List<String> categories, List<String> genres, List<String> cities) {}

  public Facets facets() {
    String on =
        " FROM {t}.event e LEFT JOIN {t}.venue v ON v.id = e.venue_id WHERE e.status ="
            + " 'published' AND coalesce(e.ends_at, e.starts_at + interval '6 hours') > now()";
    return new Facets(
        sql.list(
            "SELECT DISTINCT e.category AS x" + on + " AND e.category IS NOT NULL ORDER BY 1",
            rs -> rs.getString("x")),
        sql.list(
            "SELECT DISTINCT g AS x"
                + on.replace(" WHERE", ", unnest(e.genres) g WHERE")
                + " ORDER BY 1 LIMIT 30",
            rs -> rs.getString("x")),
        sql.list(
            "SELECT DISTINCT v.city AS x" + on + " AND v.city IS NOT NULL ORDER BY 1 LIMIT 30",
            rs -> rs.getString("x")));
  }
}
