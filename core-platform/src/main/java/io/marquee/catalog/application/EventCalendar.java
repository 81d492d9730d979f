package io.marquee.catalog.application;

import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.EventStatus;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.tenancy.application.TenantSnapshot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** An event as an iCalendar file (RFC 5545): "add to calendar" links and mail attachments. */
public final class EventCalendar {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private EventCalendar() {}

  public static String ics(TenantSnapshot t, Event e, CatalogStore store) {
    String location =
        e.venueId() == null
            ? ""
            : store
                .venue(e.venueId())
                .map(v -> v.name() + (v.city() == null ? "" : ", " + v.city()))
                .orElse("");
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Marquee//"
        + t.slug()
        + "//EN\r\nBEGIN:VEVENT\r\n"
        + "UID:"
        + e.id()
        + "@"
        + t.primaryHost()
        + "\r\n"
        + "DTSTAMP:"
        + UTC.format(Instant.now())
        + "\r\n"
        + "DTSTART:"
        + UTC.format(e.startsAt())
        + "\r\n"
        + "DTEND:"
        + UTC.format(e.endOrStart())
        + "\r\n"
        + "SUMMARY:"
        + text(e.title())
        + "\r\n"
        + (location.isEmpty() ? "" : "LOCATION:" + text(location) + "\r\n")
        + (e.status() == EventStatus.CANCELLED ? "STATUS:CANCELLED\r\n" : "")
        + "END:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  private static String text(String s) {
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
  }
}
