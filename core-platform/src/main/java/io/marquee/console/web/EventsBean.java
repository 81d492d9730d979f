package io.marquee.console.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.EventStatus;
import io.marquee.catalog.domain.SalesWindow;
import io.marquee.catalog.domain.Venue;
import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Console › Events: the list, and the first step of a new event. */
@Named("console.events")
@ViewScoped
public class EventsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CatalogService catalog;
  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;

  private String title;
  private String startsAt;
  private String venueId;

  public List<Map<String, Object>> getEvents() {
    caller.require(Permission.VIEW_EVENTS);
    TenantSnapshot t = tenant.require();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Event e : catalog.store(t).events(null, 200, 0)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.id().toString());
      m.put("title", e.title());
      m.put("status", e.status().db());
      m.put("starts", ConsoleFormat.local(e.startsAt(), e.timeZone()));
      int sold = 0;
      int capacity = 0;
      for (var tt : catalog.store(t).ticketTypes(e.id())) {
        sold += tt.sold();
        capacity += tt.capacity();
      }
      m.put("sold", sold + " / " + capacity);
      rows.add(m);
    }
    return rows;
  }

  public List<Venue> getVenues() {
    return catalog.store(tenant.require()).venues();
  }

  public Map<String, String> getVenueChoices() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("(no venue yet)", "");
    for (Venue v : getVenues()) {
      m.put(v.name(), v.id().toString());
    }
    return m;
  }

  public void create() throws IOException {
    try {
      caller.require(Permission.MANAGE_EVENTS);
      TenantSnapshot t = tenant.require();
      if (title == null || title.isBlank()) {
        throw ProblemException.invalid("title", "give the event a title");
      }
      Instant start = ConsoleFormat.parseLocal("startsAt", startsAt, t.timeZone());
      if (start == null) {
        throw ProblemException.invalid("startsAt", "when does it start?");
      }
      Event e =
          catalog.createEvent(
              t,
              new Event(
                  null,
                  null,
                  null,
                  title.strip(),
                  null,
                  null,
                  List.of(),
                  List.of(),
                  List.of(),
                  venueId == null || venueId.isBlank() ? null : UUID.fromString(venueId),
                  t.timeZone(),
                  start,
                  null,
                  null,
                  null,
                  EventStatus.DRAFT,
                  new SalesWindow(null, null),
                  t.currency(),
                  false,
                  24,
                  "[]",
                  null));
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect("/console/event.xhtml?id=" + e.id());
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(String startsAt) {
    this.startsAt = startsAt;
  }

  public String getVenueId() {
    return venueId;
  }

  public void setVenueId(String venueId) {
    this.venueId = venueId;
  }
}
