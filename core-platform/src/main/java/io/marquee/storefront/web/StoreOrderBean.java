package io.marquee.storefront.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Event;
import io.marquee.common.persistence.Sql;
import io.marquee.ordering.application.CheckoutService;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.application.TicketService;
import io.marquee.ticketing.domain.Ticket;
import io.marquee.ticketing.domain.TicketStatus;
import io.marquee.ticketing.infrastructure.TicketRenderer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The buyer's order page (the link carries the order's token): status, what to do next, and the
 * tickets with their QR codes and PDFs once paid.
 */
@Named("store.order")
@ViewScoped
public class StoreOrderBean implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TenantContext tenant;
  @Inject transient Sql sql;
  @Inject transient CheckoutService checkout;
  @Inject transient CatalogService catalog;
  @Inject transient TicketService tickets;

  @Inject transient io.marquee.ordering.application.PaymentService payments;
  @Inject transient io.marquee.tenancy.application.PlatformSettings platform;

  private String id;
  private String token;
  private String payment;
  private transient Order order;

  public void load() throws IOException {
    if (find().isEmpty()) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, "No such order");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  private Optional<Order> find() {
    if (order == null && id != null && token != null) {
      try {
        TenantSnapshot t = tenant.require();
        order =
            new OrderStore(sql.in(t.schema()))
                .find(UUID.fromString(id))
                .filter(
                    o ->
                        MessageDigest.isEqual(
                            o.accessToken().getBytes(StandardCharsets.UTF_8),
                            token.getBytes(StandardCharsets.UTF_8)))
                .map(o -> checkout.refresh(t, o))
                .orElse(null);
      } catch (IllegalArgumentException e) {
        order = null;
      }
    }
    return Optional.ofNullable(order);
  }

  private Order o() {
    return find().orElseThrow();
  }

  public String getNumber() {
    return o().number();
  }

  public String getStatus() {
    return o().status().db();
  }

  public boolean isPaid() {
    return o().status().isPaid();
  }

  public boolean isPending() {
    return o().status() == OrderStatus.PENDING;
  }

  public boolean isExpired() {
    return o().status() == OrderStatus.EXPIRED;
  }

  public String getCounterCode() {
    return o().counterCode();
  }

  public String getTotal() {
    return StoreFormat.money(tenant.require(), o().total(), o().currency());
  }

  public String getExpires() {
    Event e = event();
    return o().expiresAt() == null
        ? ""
        : StoreFormat.when(tenant.require(), o().expiresAt(), e.timeZone());
  }

  public long getSecondsLeft() {
    return o().expiresAt() == null
        ? 0
        : Math.max(0, o().expiresAt().getEpochSecond() - java.time.Instant.now().getEpochSecond());
  }

  /** The gateway sent the buyer back with a declined payment while the hold still runs. */
  public boolean isPaymentFailed() {
    return "failed".equals(payment) && isPending() && o().counterCode() == null;
  }

  /** Another try on the same order (same hold), through the test gateway. */
  public void retry() throws IOException {
    FacesContext fc = FacesContext.getCurrentInstance();
    try {
      String back = "/order.xhtml?id=" + o().id() + "&token=" + token;
      var started = payments.start(tenant.require(), o().id(), "test", back);
      fc.getExternalContext()
          .redirect(started.next().redirectUrl() != null ? started.next().redirectUrl() : back);
    } catch (io.marquee.common.problem.ProblemException e) {
      fc.addMessage(
          null,
          new jakarta.faces.application.FacesMessage(
              jakarta.faces.application.FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  public String getCalendarUrl() {
    return "/api/v1/public/events/" + event().slug() + "/calendar.ics";
  }

  /** "I am going to …" with the event's public link (never the order's private one). */
  public String getShareText() {
    return java.net.URLEncoder.encode(
        event().title()
            + " "
            + platform.baseUrl(tenant.require().primaryHost())
            + "/event.xhtml?e="
            + event().slug(),
        StandardCharsets.UTF_8);
  }

  public String getBuyerEmail() {
    return o().buyerEmail();
  }

  public String getEventTitle() {
    return event().title();
  }

  public String getEventSlug() {
    return event().slug();
  }

  private Event event() {
    return catalog.event(tenant.require(), o().eventId());
  }

  public List<Map<String, Object>> getTickets() {
    TenantSnapshot t = tenant.require();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Ticket tk : new OrderStore(sql.in(t.schema())).tickets(o().id())) {
      if (tk.status() != TicketStatus.VALID) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("holder", tk.holderName());
      m.put("type", catalog.store(t).ticketType(tk.ticketTypeId()).map(x -> x.name()).orElse(""));
      m.put("id", tk.id().toString());
      m.put("qr", TicketRenderer.svg(tickets.code(t, tk)));
      m.put("pdf", "/api/v1/tickets/" + tk.id() + "/ticket.pdf?token=" + token);
      rows.add(m);
    }
    return rows;
  }

  public String getPayment() {
    return payment;
  }

  public void setPayment(String payment) {
    this.payment = payment;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }
}
