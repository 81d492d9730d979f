package io.marquee.ordering.web;

import io.marquee.common.persistence.Sql;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.Idempotency;
import io.marquee.common.web.JsonInput;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ordering.application.CheckoutService;
import io.marquee.ordering.application.PaymentService;
import io.marquee.ordering.application.RefundService;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Checkout and orders. Guests place and pay orders without an account; the order's access token
 * (returned once at checkout, sent back as {@code X-Order-Token}) lets them read and pay it. Staff
 * search, refund, cancel and confirm counter payments.
 */
@Path("/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {
  public static final String TOKEN_HEADER = "X-Order-Token";

  @Inject Caller caller;
  @Inject TenantContext tenantContext;
  @Inject CheckoutService checkout;
  @Inject PaymentService payments;
  @Inject RefundService refunds;
  @Inject Idempotency idempotency;
  @Inject Sql sql;

  @POST
  @Path("orders")
  public Response place(JsonObject body, @HeaderParam(Idempotency.HEADER) String key) {
    TenantSnapshot t = tenantContext.require();
    boolean staff = caller.authenticated() && caller.can(Permission.MANAGE_ORDERS);
    return idempotency.execute(
        t.schema(),
        "orders.place",
        key,
        body,
        () -> {
          Order o = checkout.place(t, OrderInput.placeOrder(JsonInput.of(body), staff));
          return new Idempotency.Result(
              201, view(t, o).add("accessToken", o.accessToken()).build());
        });
  }

  @GET
  @Path("orders")
  public JsonObject search(
      @QueryParam("q") String q,
      @QueryParam("status") String status,
      @QueryParam("eventId") UUID eventId,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    TenantSnapshot t = tenantContext.require();
    caller.require(Permission.VIEW_ORDERS);
    OrderStatus s = null;
    if (status != null) {
      try {
        s = OrderStatus.fromDb(status);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("status", "unknown order status " + status);
      }
    }
    OrderStore store = new OrderStore(sql.in(t.schema()));
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Order o :
        store.search(
            q == null || q.isBlank() ? null : q.strip(),
            s,
            eventId,
            Math.max(1, Math.min(limit, 200)),
            Math.max(0, offset))) {
      items.add(OrderJson.order(o, java.util.List.of(), java.util.List.of()).build());
    }
    return Json.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("orders/{id}")
  public JsonObject get(@PathParam("id") UUID id, @HeaderParam(TOKEN_HEADER) String token) {
    TenantSnapshot t = tenantContext.require();
    Order o = authorized(t, id, token, Permission.VIEW_ORDERS);
    return view(t, checkout.refresh(t, o)).build();
  }

  /** Starts paying: {@code {"provider": "test" | "counter", "returnUrl": "/..."}}. */
  @POST
  @Path("orders/{id}/payments")
  public Response pay(
      @PathParam("id") UUID id,
      JsonObject body,
      @HeaderParam(TOKEN_HEADER) String token,
      @HeaderParam(Idempotency.HEADER) String key) {
    TenantSnapshot t = tenantContext.require();
    authorized(t, id, token, Permission.MANAGE_ORDERS);
    JsonInput in = JsonInput.of(body);
    String provider = in.requiredString("provider", 20);
    String returnUrl = in.string("returnUrl", 1000);
    if (returnUrl != null && !(returnUrl.startsWith("/") && !returnUrl.startsWith("//"))) {
      throw ProblemException.invalid(
          "returnUrl", "returnUrl must be a path on this site, e.g. /orders/123");
    }
    return idempotency.execute(
        t.schema(),
        "orders.pay:" + id,
        key,
        body,
        () -> {
          PaymentService.Started s = payments.start(t, id, provider, returnUrl);
          JsonObjectBuilder b =
              Json.createObjectBuilder()
                  .add("attemptId", s.attempt().id().toString())
                  .add("provider", s.attempt().provider())
                  .add("status", s.attempt().status())
                  .add("amountMinor", s.attempt().amount())
                  .add("currency", s.attempt().currency());
          if (s.next().redirectUrl() != null) {
            b.add("redirectUrl", s.next().redirectUrl());
          }
          if (s.next().counterCode() != null) {
            b.add("counterCode", s.next().counterCode());
          }
          if (s.next().holdUntil() != null) {
            b.add("reservedUntil", s.next().holdUntil().toString());
          }
          return new Idempotency.Result(201, b.build());
        });
  }

  /** Refunds tickets ({@code ticketIds}), an amount ({@code amountMinor}), or everything. */
  @POST
  @Path("orders/{id}/refunds")
  public Response refund(
      @PathParam("id") UUID id, JsonObject body, @HeaderParam(Idempotency.HEADER) String key) {
    TenantSnapshot t = tenantContext.require();
    caller.require(Permission.REFUND_ORDERS);
    JsonInput in = JsonInput.of(body == null ? Json.createObjectBuilder().build() : body);
    RefundService.RefundRequest req =
        new RefundService.RefundRequest(
            in.uuids("ticketIds", 1000),
            in.longValue("amountMinor", Long.MIN_VALUE, Long.MAX_VALUE),
            in.string("reason", 400));
    return idempotency.execute(
        t.schema(),
        "orders.refund:" + id,
        key,
        in.raw(),
        () ->
            new Idempotency.Result(
                201, view(t, refunds.refund(t, id, req, caller.actor())).build()));
  }

  @POST
  @Path("orders/{id}/cancel")
  public JsonObject cancel(@PathParam("id") UUID id) {
    TenantSnapshot t = tenantContext.require();
    caller.require(Permission.MANAGE_ORDERS);
    return view(t, checkout.cancel(t, id)).build();
  }

  @GET
  @Path("counter/{code}")
  public JsonObject reservation(@PathParam("code") String code) {
    TenantSnapshot t = tenantContext.require();
    caller.require(Permission.CONFIRM_AT_DOOR);
    Order o =
        sql.in(t.schema())
            .one(
                "SELECT id FROM {t}.orders WHERE counter_code = upper(?)",
                rs -> rs.getObject(1, UUID.class),
                code)
            .flatMap(id -> new OrderStore(sql.in(t.schema())).find(id))
            .orElseThrow(() -> ProblemException.notFound("no reservation with code " + code));
    return view(t, checkout.refresh(t, o)).build();
  }

  /** Door staff took the money: {@code {"method": "cash" | "card"}}. Issues the tickets. */
  @POST
  @Path("counter/{code}/confirm")
  public JsonObject confirm(@PathParam("code") String code, JsonObject body) {
    TenantSnapshot t = tenantContext.require();
    caller.require(Permission.CONFIRM_AT_DOOR);
    String method = JsonInput.of(body).requiredString("method", 10);
    if (!method.equals("cash") && !method.equals("card")) {
      throw ProblemException.invalid("method", "method must be cash or card");
    }
    return view(t, payments.confirmCounter(t, code, method, caller.actor())).build();
  }

  private JsonObjectBuilder view(TenantSnapshot t, Order o) {
    OrderStore store = new OrderStore(sql.in(t.schema()));
    return OrderJson.order(o, store.lines(o.id()), store.tickets(o.id()));
  }

  /** The order, if the caller holds its token or is staff with {@code staffPermission}. */
  Order authorized(TenantSnapshot t, UUID id, String token, Permission staffPermission) {
    Order o =
        new OrderStore(sql.in(t.schema()))
            .find(id)
            .orElseThrow(() -> ProblemException.notFound("no such order"));
    if (token != null
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8),
            o.accessToken().getBytes(StandardCharsets.UTF_8))) {
      return o;
    }
    if (caller.authenticated() && caller.can(staffPermission)) {
      return o;
    }
    if (token != null || !caller.authenticated()) {
      throw ProblemException.notFound(
          "no such order"); // never confirm an order exists to a stranger
    }
    caller.require(staffPermission);
    return o;
  }
}
