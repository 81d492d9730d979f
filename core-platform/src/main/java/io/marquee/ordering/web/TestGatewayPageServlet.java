package io.marquee.ordering.web;

import io.marquee.common.domain.WebhookSignature;
import io.marquee.common.persistence.Sql;
import io.marquee.ordering.application.PaymentService;
import io.marquee.ordering.application.payment.TestGatewaySettings;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.PaymentAttempt;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The test gateway's hosted payment page, as a real gateway's test mode would show it: the buyer
 * picks "Pay" or "Decline"; the gateway then sends its signed callback to the tenant's callback URL
 * over HTTP (not an in-process call) and sends the buyer back to the shop's return URL.
 */
@WebServlet(urlPatterns = "/pay/test/*")
public class TestGatewayPageServlet extends HttpServlet {
  @Inject TenantContext tenantContext;
  @Inject PaymentService payments;
  @Inject TestGatewaySettings settings;
  @Inject Sql sql;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<TenantSnapshot> t = tenantContext.current();
    Optional<PaymentAttempt> a = t.flatMap(x -> attempt(x, req));
    if (a.isEmpty()) {
      res.sendError(404, "No such payment");
      return;
    }
    Order o = new OrderStore(sql.in(t.get().schema())).find(a.get().orderId()).orElseThrow();
    String amount =
        io.marquee.common.domain.Money.of(a.get().amount(), a.get().currency()).toString();
    page(
        res,
        200,
        "<h1>Test payment</h1><p class=\"merchant\">"
            + esc(t.get().displayName())
            + "</p><p>Order <b>"
            + esc(o.number())
            + "</b></p><p class=\"amount\" id=\"amount\">"
            + esc(amount)
            + "</p>"
            + ("started".equals(a.get().status())
                ? "<form method=\"post\"><button name=\"outcome\" value=\"succeed\" id=\"pay\">Pay</button> "
                    + "<button name=\"outcome\" value=\"fail\" id=\"decline\">Decline</button></form>"
                : "<p id=\"status\">This payment is " + esc(a.get().status()) + ".</p>")
            + "<p class=\"note\">Test mode: no real money moves.</p>");
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<TenantSnapshot> t = tenantContext.current();
    Optional<PaymentAttempt> a = t.flatMap(x -> attempt(x, req));
    if (a.isEmpty()) {
      res.sendError(404, "No such payment");
      return;
    }
    boolean succeed = "succeed".equals(req.getParameter("outcome"));
    String body =
        Json.createObjectBuilder()
            .add("type", succeed ? "payment.succeeded" : "payment.failed")
            .add(
                "data",
                Json.createObjectBuilder()
                    .add("attemptId", a.get().id().toString())
                    .add("amountMinor", a.get().amount())
                    .add("currency", a.get().currency())
                    .add("reference", "test_py_" + UUID.randomUUID().toString().substring(0, 12)))
            .build()
            .toString();
    int status = deliver(req, body);
    if (status != 200) {
      page(
          res,
          502,
          "<h1>Payment not confirmed</h1><p>The shop did not accept the payment (HTTP "
              + status
              + ").</p>");
      return;
    }
    PaymentAttempt after = payments.attempt(t.get(), a.get().id()).orElseThrow();
    String outcome = "succeeded".equals(after.status()) ? "paid" : "failed";
    if (after.returnUrl() != null) {
      String sep = after.returnUrl().contains("?") ? "&" : "?";
      res.sendRedirect(
          after.returnUrl() + sep + "order=" + after.orderId() + "&payment=" + outcome);
      return;
    }
    page(res, 200, "<h1 id=\"result\">Payment " + outcome + "</h1>");
  }

  /** Sends the signed callback to this tenant's callback URL, as the gateway's servers would. */
  private int deliver(HttpServletRequest req, String body) throws IOException {
    String id = "msg_" + UUID.randomUUID();
    long ts = Instant.now().getEpochSecond();
    String sig = WebhookSignature.sign(settings.secret(), id, ts, body);
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /api/v1/payments/test/callback HTTP/1.1\r\nHost: "
            + req.getHeader("Host")
            + "\r\nContent-Type: application/json\r\nConnection: close\r\nwebhook-id: "
            + id
            + "\r\nwebhook-timestamp: "
            + ts
            + "\r\nwebhook-signature: "
            + sig
            + "\r\nContent-Length: "
            + payload.length
            + "\r\n\r\n";
    try (Socket s = new Socket("127.0.0.1", req.getLocalPort())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        line.append((char) c);
      }
      String[] parts = line.toString().split(" ");
      return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }
  }

  private Optional<PaymentAttempt> attempt(TenantSnapshot t, HttpServletRequest req) {
    String path = req.getPathInfo();
    if (path == null || path.length() < 2) {
      return Optional.empty();
    }
    try {
      return payments
          .attempt(t, UUID.fromString(path.substring(1)))
          .filter(a -> "test".equals(a.provider()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void page(HttpServletResponse res, int status, String body) throws IOException {
    res.setStatus(status);
    res.setContentType("text/html");
    res.setCharacterEncoding("UTF-8");
    res.getWriter()
        .write(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test payment</title>"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>"
                + "body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem}"
                + ".amount{font-size:2rem;font-weight:700}button{font-size:1.1rem;padding:.6rem 1.4rem}"
                + ".note{color:#666;font-size:.85rem}</style></head><body>"
                + body
                + "</body></html>");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
