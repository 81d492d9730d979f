package io.marquee.storefront.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.EventHit;
import io.marquee.catalog.domain.EventPage;
import io.marquee.catalog.domain.EventQuery;
import io.marquee.catalog.infrastructure.EventSearchStore;
import io.marquee.common.domain.Money;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The home page and search: reads the filters from the query string (so every result page has a
 * shareable URL), runs one search, and explains filters it could not read instead of failing.
 */
@Named("store.search")
@RequestScoped
public class StoreSearchBean {
  static final int PAGE_SIZE = 12;
  private static final List<String> PARAMS =
      List.of(
          "q",
          "when",
          "from",
          "to",
          "category",
          "genre",
          "city",
          "min",
          "max",
          "near",
          "km",
          "sort");

  @Inject TenantContext tenant;
  @Inject CatalogService catalog;

  private final List<String> problems = new ArrayList<>();
  private Map<String, String> params;
  private EventPage page;
  private List<Map<String, Object>> rows;
  private EventSearchStore.Facets facets;
  private UUID venueId;
  private UUID organiserId;

  private Map<String, String> params() {
    if (params == null) {
      params = new LinkedHashMap<>();
      Map<String, String> raw =
          FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
      for (String p : PARAMS) {
        String v = raw.get(p);
        if (v != null && !v.isBlank()) {
          params.put(p, v.strip());
        }
      }
    }
    return params;
  }

  public Map<String, String> getParam() {
    return params();
  }

  private Locale locale() {
    return Locale.forLanguageTag(tenant.require().locale());
  }

  /** Restricts the search to one venue (the venue page). */
  public void setVenueId(UUID venueId) {
    this.venueId = venueId;
  }

  /** Restricts the search to one organiser (the organiser page). */
  public void setOrganiserId(UUID organiserId) {
    this.organiserId = organiserId;
  }

  EventQuery query() {
    TenantSnapshot t = tenant.require();
    Map<String, String> p = params();
    ZoneId zone = ZoneId.of(t.timeZone());
    ZonedDateTime now = ZonedDateTime.now(zone);
    java.time.Instant from = null;
    java.time.Instant to = null;
    String when = p.get("when");
    if ("tonight".equals(when)) {
      from = now.toInstant();
      to = now.toLocalDate().plusDays(1).atTime(6, 0).atZone(zone).toInstant();
    } else if ("weekend".equals(when)) {
      LocalDate friday =
          now.getDayOfWeek().getValue() >= DayOfWeek.FRIDAY.getValue()
              ? now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY))
              : now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
      ZonedDateTime start = friday.atTime(LocalTime.of(17, 0)).atZone(zone);
      from = start.isBefore(now) ? now.toInstant() : start.toInstant();
      to = friday.plusDays(3).atStartOfDay(zone).toInstant();
    } else if ("week".equals(when)) {
      from = now.toInstant();
      to = now.plusDays(7).toInstant();
    } else if (when != null) {
      problems.add(StoreText.get(locale(), "search.bad.when"));
    }
    LocalDate fromDate = date(p.get("from"), "search.from");
    LocalDate toDate = date(p.get("to"), "search.to");
    if (fromDate != null) {
      from = fromDate.atStartOfDay(zone).toInstant();
    }
    if (toDate != null) {
      to = toDate.plusDays(1).atStartOfDay(zone).toInstant();
    }
    Long min = price(p.get("min"), t, "search.min");
    Long max = price(p.get("max"), t, "search.max");
    BigDecimal lat = null;
    BigDecimal lng = null;
    if (p.get("near") != null) {
      String[] ll = p.get("near").split(",");
      try {
        lat = new BigDecimal(ll[0].strip());
        lng = new BigDecimal(ll[1].strip());
        if (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0
            || lng.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
          throw new NumberFormatException();
        }
      } catch (RuntimeException e) {
        lat = null;
        lng = null;
        problems.add(StoreText.get(locale(), "search.bad.near"));
      }
    }
    Integer km = null;
    if (p.get("km") != null) {
      try {
        km = Integer.valueOf(p.get("km"));
        if (km < 1 || km > 20000) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problems.add(StoreText.get(locale(), "search.bad.km"));
        km = null;
      }
    }
    EventQuery.Sort sort = EventQuery.Sort.DATE;
    try {
      sort = EventQuery.Sort.parse(p.get("sort"));
    } catch (IllegalArgumentException e) {
      problems.add(StoreText.get(locale(), "search.bad.sort"));
    }
    int pageNo = 1;
    String rawPage =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("page");
    if (rawPage != null) {
      try {
        pageNo = Math.max(1, Math.min(Integer.parseInt(rawPage.strip()), 10_000));
      } catch (NumberFormatException e) {
        pageNo = 1;
      }
    }
    return new EventQuery(
        EventQuery.wordsOf(p.get("q")),
        from,
        to,
        p.get("category"),
        p.get("genre"),
        p.get("city"),
        venueId,
        organiserId,
        min,
        max,
        lat,
        lng,
        km,
        sort,
        pageNo,
        PAGE_SIZE);
  }

  private LocalDate date(String v, String field) {
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      problems.add(StoreText.get(locale(), "search.bad.date", StoreText.get(locale(), field)));
      return null;
    }
  }

  /** A price typed in major units ("1500" or "1500.50") to minor units of the tenant currency. */
  private Long price(String v, TenantSnapshot t, String field) {
    if (v == null) {
      return null;
    }
    try {
      BigDecimal major = new BigDecimal(v.replace(",", "").replace("_", ""));
      if (major.signum() < 0 || major.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
        throw new NumberFormatException();
      }
      return Money.ofDecimal(major, t.currency()).minor();
    } catch (RuntimeException e) {
      problems.add(StoreText.get(locale(), "search.bad.price", StoreText.get(locale(), field)));
      return null;
    }
  }

  public EventPage getPage() {
    if (page == null) {
      page = catalog.search(tenant.require(), query());
    }
    return page;
  }

  public List<Map<String, Object>> getEvents() {
    if (rows == null) {
      TenantSnapshot t = tenant.require();
      rows = new ArrayList<>();
      for (EventHit h : getPage().hits()) {
        rows.add(row(t, h));
      }
    }
    return rows;
  }

  /** The three best-selling events on sale, on the unfiltered home page. */
  public List<Map<String, Object>> getPopular() {
    if (isFiltered() || getPage().page() > 1) {
      return List.of();
    }
    TenantSnapshot t = tenant.require();
    List<Map<String, Object>> out = new ArrayList<>();
    EventQuery top =
        new EventQuery(
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            EventQuery.Sort.POPULARITY,
            1,
            3);
    for (EventHit h : catalog.search(t, top).hits()) {
      if (h.sold() > 0) {
        out.add(row(t, h));
      }
    }
    return out;
  }

  private Map<String, Object> row(TenantSnapshot t, EventHit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("slug", h.event().slug());
    m.put("title", h.event().title());
    m.put("when", StoreFormat.when(t, h.event().startsAt(), h.event().timeZone()));
    m.put(
        "venue",
        h.venueName() == null
            ? ""
            : h.venueName() + (h.venueCity() == null ? "" : ", " + h.venueCity()));
    m.put("category", h.event().category());
    m.put(
        "from",
        h.fromPriceMinor() == null
            ? ""
            : h.fromPriceMinor() == 0
                ? StoreText.get(locale(), "price.free")
                : StoreText.get(
                    locale(),
                    "price.from",
                    StoreFormat.money(t, h.fromPriceMinor(), h.event().currency())));
    m.put("soldOut", h.soldOut());
    m.put("fewLeft", !h.soldOut() && h.available() > 0 && h.available() <= 10);
    m.put(
        "distance",
        h.distanceKm() == null
            ? null
            : StoreText.get(locale(), "search.distance", Math.round(h.distanceKm())));
    m.put("image", h.event().images().isEmpty() ? null : h.event().images().get(0));
    return m;
  }

  public String getPageOf() {
    return StoreText.get(locale(), "pager.of", getPage().page(), getPage().pages());
  }

  public List<String> getProblems() {
    getPage();
    return problems;
  }

  public boolean isFiltered() {
    return !params().isEmpty();
  }

  public EventSearchStore.Facets getFacets() {
    if (facets == null) {
      facets = catalog.facets(tenant.require());
    }
    return facets;
  }

  /** This search's URL with one parameter changed (null removes it); the page goes back to 1. */
  public String with(String name, String value) {
    Map<String, String> p = new LinkedHashMap<>(params());
    if (value == null || value.isBlank()) {
      p.remove(name);
    } else {
      p.put(name, value);
    }
    return url(p, 1);
  }

  public String pageUrl(int n) {
    return url(params(), n);
  }

  public boolean isActive(String name, String value) {
    return value.equals(params().get(name));
  }

  private String url(Map<String, String> p, int pageNo) {
    StringBuilder b = new StringBuilder();
    p.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "?" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    if (pageNo > 1) {
      b.append(b.length() == 0 ? "?" : "&").append("page=").append(pageNo);
    }
    return (venueId == null ? "/" : "/venue.xhtml?v=" + venueId + (b.length() == 0 ? "" : "&"))
        + (venueId == null ? b : b.substring(1));
  }
}
