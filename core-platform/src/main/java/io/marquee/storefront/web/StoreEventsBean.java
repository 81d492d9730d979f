package io.marquee.storefront.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.TicketType;
import io.marquee.catalog.domain.Venue;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The storefront's event list: upcoming published events, optionally matching a search text. */
@Named("store.events")
@RequestScoped
public class StoreEventsBean {
  @Inject TenantContext tenant;
  @Inject CatalogService catalog;

  private String q;
  private List<Map<String, Object>> events;

  public List<Map<String, Object>> getEvents() {
    if (events == null) {
      TenantSnapshot t = tenant.require();
      CatalogStore store = catalog.store(t);
      if (q == null) {
        q =
            jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("q");
      }
      String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
      events = new ArrayList<>();
      Instant now = Instant.now();
      for (Event e : catalog.publicEvents(t, 200, 0)) {
        if (e.endOrStart().isBefore(now)) {
          continue;
        }
        Venue v = e.venueId() == null ? null : store.venue(e.venueId()).orElse(null);
        String haystack =
            String.join(
                    " ",
                    e.title(),
                    String.valueOf(e.description()),
                    String.join(" ", e.lineup()),
                    v == null ? "" : v.name() + " " + v.city())
                .toLowerCase(Locale.ROOT);
        if (!needle.isEmpty() && !haystack.contains(needle)) {
          continue;
        }
        List<TicketType> types =
            store.ticketTypes(e.id()).stream().filter(tt -> tt.visibleWith(null)).toList();
        long from = types.stream().mapToLong(TicketType::priceMinor).min().orElse(0);
        boolean soldOut = types.stream().allMatch(tt -> tt.available() == 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", e.slug());
        m.put("title", e.title());
        m.put("when", StoreFormat.when(t, e.startsAt(), e.timeZone()));
        m.put("venue", v == null ? "" : v.name() + (v.city() == null ? "" : ", " + v.city()));
        m.put("from", StoreFormat.money(t, from, e.currency()));
        m.put("soldOut", soldOut);
        m.put("image", e.images().isEmpty() ? null : e.images().get(0));
        events.add(m);
      }
    }
    return events;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }
}
