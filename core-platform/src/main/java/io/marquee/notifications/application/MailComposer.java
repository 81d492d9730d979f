package io.marquee.notifications.application;

import static io.marquee.notifications.application.MailLayout.button;
import static io.marquee.notifications.application.MailLayout.esc;
import static io.marquee.notifications.application.MailLayout.p;

import io.marquee.catalog.application.EventCalendar;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.notifications.domain.MailMessage;
import io.marquee.notifications.domain.Notification;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.BrandingService;
import io.marquee.tenancy.application.PlatformSettings;
import io.marquee.tenancy.application.TenantFormat;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.application.TicketService;
import io.marquee.ticketing.domain.Ticket;
import io.marquee.ticketing.domain.TicketStatus;
import io.marquee.ticketing.infrastructure.TicketRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes each mail at send time from the current state (an order's tickets as they are now), in the
 * tenant's brand and language. Empty when the mail no longer makes sense (the order is gone, the
 * transferred ticket was refunded meanwhile).
 */
@ApplicationScoped
public class MailComposer {
  @Inject Sql sql;
  @Inject TicketService tickets;
  @Inject BrandingService branding;
  @Inject PlatformSettings platform;

  /** What every mail of one tenant shares. */
  private record Frame(TenantSnapshot t, MailText text, String primary, String base) {
    MailMessage mail(
        String to,
        String subject,
        String title,
        String body,
        String plain,
        List<MailMessage.Part> parts) {
      String footer = text.get("footer", t.displayName());
      return new MailMessage(
          to,
          t.displayName(),
          subject,
          MailLayout.html(t.displayName(), primary, title, body, footer),
          title + "\n\n" + plain + "\n\n-- \n" + footer,
          parts);
    }
  }

  private Frame frame(TenantSnapshot t) {
    return new Frame(
        t,
        new MailText(TenantFormat.locale(t)),
        branding.current().primaryColor(),
        platform.baseUrl(t.primaryHost()));
  }

  public Optional<MailMessage> compose(TenantSnapshot t, Notification n) {
    TenantSql tsql = sql.in(t.schema());
    Frame f = frame(t);
    return switch (n.kind()) {
      case ORDER_CONFIRMATION -> order(tsql, f, n);
      case RESERVATION_CONFIRMATION -> reservation(tsql, f, n, false);
      case RESERVATION_REMINDER -> reservation(tsql, f, n, true);
      case REFUND_CONFIRMATION -> refund(tsql, f, n);
      case REFUND_REQUESTED -> refundRequested(tsql, f, n);
      case TICKET_TRANSFERRED -> transferred(tsql, f, n);
    };
  }

  private String orderUrl(Frame f, Order o) {
    return f.base() + "/order.xhtml?id=" + o.id() + "&token=" + o.accessToken();
  }

  private static String eventFacts(Frame f, Event e, CatalogStore catalog) {
    String venue =
        e.venueId() == null
            ? ""
            : catalog
                .venue(e.venueId())
                .map(v -> v.name() + (v.city() == null ? "" : ", " + v.city()))
                .orElse("");
    return "<p><b>"
        + esc(f.text().get("event.when"))
        + ":</b> "
        + esc(TenantFormat.when(f.t(), e.startsAt(), e.timeZone()))
        + (venue.isEmpty()
            ? ""
            : "<br><b>" + esc(f.text().get("event.where")) + ":</b> " + esc(venue))
        + "</p>";
  }

  private Optional<MailMessage> order(TenantSql tsql, Frame f, Notification n) {
    OrderStore orders = new OrderStore(tsql);
    Optional<Order> found = orders.find(n.refId());
    if (found.isEmpty() || !found.get().status().isPaid()) {
      return Optional.empty();
    }
    Order o = found.get();
    CatalogStore catalog = new CatalogStore(tsql);
    Event e = catalog.event(o.eventId()).orElseThrow();
    MailText x = f.text();
    StringBuilder body = new StringBuilder();
    body.append(
        p(
            x.get(
                "order.intro",
                o.buyerName(),
                o.number(),
                TenantFormat.money(f.t(), o.total(), o.currency()))));
    body.append(eventFacts(f, e, catalog));
    List<MailMessage.Part> parts = new ArrayList<>();
    int i = 0;
    for (Ticket tk : orders.tickets(o.id())) {
      if (tk.status() != TicketStatus.VALID) {
        continue;
      }
      i++;
      String type = catalog.ticketType(tk.ticketTypeId()).map(tt -> tt.name()).orElse("");
      String cid = "qr-" + tk.id();
      body.append(
          "<div style=\"border:1px solid #d1d5db;border-radius:8px;padding:12px;"
              + "margin:12px 0\"><b>"
              + esc(type)
              + "</b> · "
              + esc(tk.holderName())
              + "<br><img src=\"cid:"
              + cid
              + "\" width=\"220\" height=\"220\" alt=\""
              + esc(x.get("ticket"))
              + " "
              + i
              + "\"></div>");
      parts.add(
          new MailMessage.Part(
              "ticket-" + i + ".png",
              "image/png",
              TicketRenderer.png(tickets.code(f.t(), tk), 6),
              cid));
      parts.add(
          new MailMessage.Part(
              "ticket-" + o.number() + "-" + i + ".pdf",
              "application/pdf",
              tickets.pdf(f.t(), tk),
              null));
    }
    parts.add(
        new MailMessage.Part(
            e.slug() + ".ics",
            "text/calendar",
            EventCalendar.ics(f.t(), e, catalog).getBytes(StandardCharsets.UTF_8),
            null));
    body.append(p(x.get("order.show")));
    body.append(button(orderUrl(f, o), x.get("order.open"), f.primary()));
    body.append(
        "<p><a href=\""
            + esc(f.base() + "/account/")
            + "\">"
            + esc(x.get("order.account"))
            + "</a></p>");
    String title = x.get("order.title", e.title());
    return Optional.of(
        f.mail(
            o.buyerEmail(),
            x.get("order.subject", e.title(), o.number()),
            title,
            body.toString(),
            x.get(
                    "order.intro",
                    o.buyerName(),
                    o.number(),
                    TenantFormat.money(f.t(), o.total(), o.currency()))
                + "\n"
                + x.get("order.show")
                + "\n"
                + orderUrl(f, o),
            parts));
  }

  private Optional<MailMessage> reservation(
      TenantSql tsql, Frame f, Notification n, boolean reminder) {
    Optional<Order> found = new OrderStore(tsql).find(n.refId());
    if (found.isEmpty()
        || found.get().counterCode() == null
        || found.get().status() != io.marquee.ordering.domain.OrderStatus.PENDING) {
      return Optional.empty();
    }
    Order o = found.get();
    CatalogStore catalog = new CatalogStore(tsql);
    Event e = catalog.event(o.eventId()).orElseThrow();
    MailText x = f.text();
    String until = TenantFormat.when(f.t(), o.expiresAt(), e.timeZone());
    String amount = TenantFormat.money(f.t(), o.total(), o.currency());
    String title = x.get(reminder ? "reminder.title" : "reservation.title");
    String body =
        p(x.get("reservation.intro", o.counterCode(), amount))
            + "<p style=\"font-size:28px;font-weight:bold;letter-spacing:4px\">"
            + esc(o.counterCode())
            + "</p>"
            + p(x.get("reservation.until", until))
            + eventFacts(f, e, catalog)
            + button(orderUrl(f, o), x.get("order.open"), f.primary());
    String subject =
        reminder
            ? x.get(
                "reminder.subject",
                o.counterCode(),
                TenantFormat.time(f.t(), o.expiresAt(), e.timeZone()))
            : x.get("reservation.subject", e.title(), o.counterCode());
    return Optional.of(
        f.mail(
            o.buyerEmail(),
            subject,
            title,
            body,
            x.get("reservation.intro", o.counterCode(), amount)
                + "\n"
                + x.get("reservation.until", until)
                + "\n"
                + orderUrl(f, o),
            List.of()));
  }

  private Optional<MailMessage> refund(TenantSql tsql, Frame f, Notification n) {
    Optional<Order> found = new OrderStore(tsql).find(n.refId());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Order o = found.get();
    Event e = new CatalogStore(tsql).event(o.eventId()).orElseThrow();
    String amount = detailAmount(f, n, o);
    MailText x = f.text();
    String intro = x.get("refund.intro", amount, o.number(), e.title());
    return Optional.of(
        f.mail(
            o.buyerEmail(),
            x.get("refund.subject", amount, o.number()),
            x.get("refund.title"),
            p(intro) + button(orderUrl(f, o), x.get("order.open"), f.primary()),
            intro,
            List.of()));
  }

  /** The amount a refund mail is about, from the notification's details. */
  private static String detailAmount(Frame f, Notification n, Order o) {
    JsonObject d = Json.createReader(new StringReader(n.detailJson())).readObject();
    return TenantFormat.money(f.t(), d.getJsonNumber("amountMinor").longValue(), o.currency());
  }

  private Optional<MailMessage> refundRequested(TenantSql tsql, Frame f, Notification n) {
    Optional<Order> found = new OrderStore(tsql).find(n.refId());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Order o = found.get();
    String amount = detailAmount(f, n, o);
    MailText x = f.text();
    String intro = x.get("refundRequested.intro", amount, o.number());
    return Optional.of(
        f.mail(
            n.recipient(),
            x.get("refundRequested.subject", o.number()),
            x.get("refundRequested.title"),
            p(intro),
            intro,
            List.of()));
  }

  private Optional<MailMessage> transferred(TenantSql tsql, Frame f, Notification n) {
    OrderStore orders = new OrderStore(tsql);
    Optional<Ticket> found = orders.ticket(n.refId());
    if (found.isEmpty()
        || found.get().status() != TicketStatus.VALID
        || found.get().holderEmail() == null
        || !found.get().holderEmail().equalsIgnoreCase(n.recipient())) {
      return Optional.empty();
    }
    Ticket tk = found.get();
    Order o = orders.find(tk.orderId()).orElseThrow();
    CatalogStore catalog = new CatalogStore(tsql);
    Event e = catalog.event(tk.eventId()).orElseThrow();
    String type = catalog.ticketType(tk.ticketTypeId()).map(tt -> tt.name()).orElse("");
    MailText x = f.text();
    String intro = x.get("transfer.intro", o.buyerName(), type, e.title());
    String cid = "qr-" + tk.id();
    String body =
        p(intro)
            + eventFacts(f, e, catalog)
            + "<p><b>"
            + esc(type)
            + "</b> · "
            + esc(tk.holderName())
            + "<br><img src=\"cid:"
            + cid
            + "\" width=\"220\" height=\"220\" alt=\""
            + esc(x.get("ticket"))
            + "\"></p>"
            + p(x.get("order.show"))
            + button(f.base() + "/account/", x.get("order.account"), f.primary());
    List<MailMessage.Part> parts =
        List.of(
            new MailMessage.Part(
                "ticket.png", "image/png", TicketRenderer.png(tickets.code(f.t(), tk), 6), cid),
            new MailMessage.Part(
                "ticket-" + o.number() + ".pdf", "application/pdf", tickets.pdf(f.t(), tk), null));
    return Optional.of(
        f.mail(
            tk.holderEmail(),
            x.get("transfer.subject", o.buyerName(), e.title()),
            x.get("transfer.title"),
            body,
            intro + "\n" + f.base() + "/account/",
            parts));
  }

  /** The one-time sign-in code (sent at once, not queued: the attendee is waiting for it). */
  public MailMessage signInCode(TenantSnapshot t, String to, String code, int minutes) {
    Frame f = frame(t);
    MailText x = f.text();
    String body =
        p(x.get("signin.intro", t.displayName(), minutes))
            + "<p style=\"font-size:32px;font-weight:bold;letter-spacing:6px\">"
            + esc(code)
            + "</p>"
            + p(x.get("signin.ignore"));
    return f.mail(
        to,
        x.get("signin.subject", t.displayName(), code),
        x.get("signin.title"),
        body,
        x.get("signin.intro", t.displayName(), minutes)
            + "\n\n"
            + code
            + "\n\n"
            + x.get("signin.ignore"),
        List.of());
  }
}
