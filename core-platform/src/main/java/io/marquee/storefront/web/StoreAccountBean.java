package io.marquee.storefront.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.customers.application.AttendeeTickets;
import io.marquee.customers.application.SignInProblem;
import io.marquee.customers.application.SignInService;
import io.marquee.customers.domain.Customer;
import io.marquee.customers.web.AttendeeSession;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.application.TicketService;
import io.marquee.ticketing.infrastructure.TicketRenderer;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * "My tickets": one-time-code sign-in, then the attendee's upcoming, past and cancelled tickets
 * with their QR codes, transfer and refund requests.
 */
@Named("store.account")
@ViewScoped
public class StoreAccountBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TenantContext tenant;
  @Inject transient SignInService signIn;
  @Inject transient AttendeeTickets attendee;
  @Inject transient TicketService tickets;
  @Inject AttendeeSession session;

  private String email;
  private String code;
  private boolean codeSent;
  private String tab = "upcoming";
  private final Map<String, String> transferName = new HashMap<>();
  private final Map<String, String> transferEmail = new HashMap<>();
  private transient List<Map<String, Object>> rows;

  private TenantSnapshot t() {
    return tenant.require();
  }

  private Locale locale() {
    return Locale.forLanguageTag(t().locale());
  }

  private static String address() {
    return ((HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest())
        .getRemoteAddr();
  }

  private void say(String key, Object... args) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(FacesMessage.SEVERITY_INFO, StoreText.get(locale(), key, args), null));
  }

  private void fail(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  private String reason(SignInProblem p) {
    return StoreText.get(locale(), "signin.error." + p.reason().name());
  }

  /** Personal page: never in shared caches; marked so the service worker keeps it for offline. */
  public void headers() {
    jakarta.servlet.http.HttpServletResponse res =
        (jakarta.servlet.http.HttpServletResponse)
            FacesContext.getCurrentInstance().getExternalContext().getResponse();
    res.setHeader("Cache-Control", "private, no-cache");
    if (isSignedIn()) {
      res.setHeader("X-Marquee-Tickets", "1");
    }
  }

  public boolean isSignedIn() {
    return session.current(t()).isPresent();
  }

  public String getSignedInEmail() {
    return session.current(t()).map(Customer::email).orElse("");
  }

  public void sendCode() {
    try {
      signIn.requestCode(t(), email, address());
      codeSent = true;
      say("signin.sent", SignInService.normalise(email), SignInService.CODE_MINUTES);
    } catch (SignInProblem p) {
      fail(reason(p));
    }
  }

  public void verify() throws IOException {
    try {
      Customer c = signIn.verify(t(), email, code, address());
      session.signIn(t(), c);
      FacesContext.getCurrentInstance().getExternalContext().redirect("/account/");
    } catch (SignInProblem p) {
      fail(reason(p));
    }
  }

  public void signOut() throws IOException {
    session.signOut();
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    ec.redirect("/account/?signedOut=1");
  }

  public void startOver() {
    codeSent = false;
    code = null;
  }

  private Customer me() {
    return session.current(t()).orElseThrow(() -> ProblemException.unauthorized("sign in first"));
  }

  /** The tickets of the chosen tab. */
  public List<Map<String, Object>> getTickets() {
    if (rows == null) {
      rows = new ArrayList<>();
      TenantSnapshot t = t();
      Instant now = Instant.now();
      for (AttendeeTickets.Row r : attendee.list(t, me().email())) {
        if (!tab.equals(r.section(now))) {
          continue;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.ticketId().toString());
        m.put("event", r.eventTitle());
        m.put("slug", r.eventSlug());
        m.put("when", StoreFormat.when(t, r.startsAt(), r.timeZone()));
        m.put("venue", r.venue() == null ? "" : r.venue());
        m.put("type", r.ticketType());
        m.put("holder", r.holderName());
        m.put("order", r.orderNumber());
        m.put("status", r.status());
        m.put("statusText", StoreText.get(locale(), "ticketStatus." + r.status()));
        boolean live = "upcoming".equals(tab);
        m.put("live", live);
        m.put(
            "qr",
            live ? TicketRenderer.svg(tickets.code(t, tickets.ticket(t, r.ticketId()))) : null);
        m.put(
            "pdf",
            live
                ? "/api/v1/tickets/" + r.ticketId() + "/ticket.pdf?token=" + r.orderToken()
                : null);
        m.put("refundPending", "pending".equals(r.refundRequest()));
        String refund = null;
        boolean approval = false;
        if (live && !"pending".equals(r.refundRequest())) {
          AttendeeTickets.Quote q = attendee.quote(t, me().email(), r.ticketId());
          if (q.refusal() == null) {
            refund = StoreFormat.money(t, q.amount(), q.currency());
            approval = q.approvalRequired();
          }
        }
        m.put("refund", refund);
        m.put("refundApproval", approval);
        rows.add(m);
      }
    }
    return rows;
  }

  public void transfer(String ticketId) {
    try {
      attendee.transfer(
          t(),
          me().email(),
          UUID.fromString(ticketId),
          transferName.get(ticketId),
          transferEmail.get(ticketId));
      say("account.transferred", transferEmail.get(ticketId));
      transferName.remove(ticketId);
      transferEmail.remove(ticketId);
    } catch (ProblemException e) {
      fail(StoreText.get(locale(), "account.actionFailed", e.getMessage()));
    }
    rows = null;
  }

  public void refund(String ticketId) {
    try {
      String outcome = attendee.requestRefund(t(), me().email(), UUID.fromString(ticketId));
      say("pending".equals(outcome) ? "account.refundRequested" : "account.refunded");
    } catch (ProblemException e) {
      fail(StoreText.get(locale(), "account.actionFailed", e.getMessage()));
    }
    rows = null;
  }

  /** When this copy was rendered: tells a person (and the offline test) how fresh it is. */
  public String getRenderedAt() {
    return Instant.now().toString();
  }

  public String getTab() {
    return tab;
  }

  public void setTab(String tab) {
    this.tab = List.of("upcoming", "past", "cancelled").contains(tab) ? tab : "upcoming";
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public boolean isCodeSent() {
    return codeSent;
  }

  public Map<String, String> getTransferName() {
    return transferName;
  }

  public Map<String, String> getTransferEmail() {
    return transferEmail;
  }
}
