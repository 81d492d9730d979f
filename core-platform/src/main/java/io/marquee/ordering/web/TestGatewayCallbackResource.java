package io.marquee.ordering.web;

import io.marquee.common.domain.WebhookSignature;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.JsonInput;
import io.marquee.ordering.application.PaymentService;
import io.marquee.ordering.application.payment.TestGatewaySettings;
import io.marquee.ordering.domain.PaymentAttempt;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * The test gateway's server-to-server callback. The raw body is verified against the Standard
 * Webhooks signature before it is parsed; a bad or stale signature is 401, a replay is answered 200
 * and changes nothing.
 */
@Path("/v1/payments/test/callback")
@RequestScoped
public class TestGatewayCallbackResource {
  @Inject TenantContext tenantContext;
  @Inject PaymentService payments;
  @Inject TestGatewaySettings settings;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject callback(
      String raw,
      @HeaderParam("webhook-id") String id,
      @HeaderParam("webhook-timestamp") String timestamp,
      @HeaderParam("webhook-signature") String signature) {
    TenantSnapshot t = tenantContext.require();
    if (!WebhookSignature.verify(
        settings.secret(), id, timestamp, raw == null ? "" : raw, signature, Instant.now())) {
      throw ProblemException.unauthorized("invalid or expired webhook signature");
    }
    JsonObject body;
    try {
      body = Json.createReader(new StringReader(raw)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw ProblemException.invalid("body", "the callback body is not a JSON object");
    }
    JsonInput in = JsonInput.of(body);
    String type = in.requiredString("type", 40);
    JsonInput data = in.object("data");
    if (data == null) {
      throw ProblemException.invalid("data", "data is required");
    }
    UUID attemptId = data.uuid("attemptId");
    Long amount = data.longValue("amountMinor", 0, Long.MAX_VALUE);
    String currency = data.requiredString("currency", 3);
    if (attemptId == null || amount == null) {
      throw ProblemException.invalid("data.attemptId", "attemptId and amountMinor are required");
    }
    boolean succeeded =
        switch (type) {
          case "payment.succeeded" -> true;
          case "payment.failed" -> false;
          default -> throw ProblemException.invalid("type", "unknown event type " + type);
        };
    PaymentAttempt a =
        payments.complete(t, attemptId, succeeded, amount, currency, data.string("reference", 120));
    return Json.createObjectBuilder()
        .add("attemptId", a.id().toString())
        .add("status", a.status())
        .build();
  }
}
