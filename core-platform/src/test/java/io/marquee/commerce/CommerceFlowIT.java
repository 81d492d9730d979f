package io.marquee.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Database;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole commerce path on the real server and database: catalogue set-up, public reads, checkout
 * with promo, tax and fee, payment through the test gateway's hosted page and signed callback,
 * tickets with signed codes (QR, PDF), transfer, key rotation, refunds, the counter provider,
 * idempotency, expiry and the ledger.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommerceFlowIT {
  static Shop shop;
  static String eventId;
  static String ga;
  static String vip;
  static JsonObject paidOrder;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void openShop() {
    shop = Shop.open("shop");
  }

  @Test
  @Order(1)
  void staffSetUpAnEventWithTypesQuotaAndPromo() {
    Api staff = shop.staff();
    assertEquals(
        200,
        staff
            .put(
                "/api/v1/settings/commerce",
                "{\"taxMode\":\"inclusive\",\"taxRateBp\":2100,\"bookingFeeMinor\":100}")
            .status());
    JsonObject venue =
        shop.created(
            staff.post(
                "/api/v1/venues",
                "{\"name\":\"Paradiso\",\"city\":\"Amsterdam\",\"latitude\":52.362,\"longitude\":4.884,\"capacity\":1500,\"amenities\":[\"bar\",\"cloakroom\"]}"));
    JsonObject event = shop.event("Night Owls");
    eventId = event.getString("id");
    assertEquals("draft", event.getString("status"));
    assertTrue(event.getString("slug").startsWith("night-owls-"), event.toString());
    assertEquals(
        200,
        staff
            .put(
                "/api/v1/events/" + eventId,
                "{\"venueId\":\"" + venue.getString("id") + "\",\"lineup\":[\"DJ One\"]}")
            .status());

    // Not visible to the public while a draft, and cannot be published without ticket types.
    assertEquals(404, shop.guest().get("/api/v1/public/events/" + eventId).status());
    Api.Reply early = staff.post("/api/v1/events/" + eventId + "/publish", "{}");
    assertEquals(422, early.status(), early.toString());

    ga = shop.ticketType(eventId, "General admission", 2500, 100, 6).getString("id");
    vip =
        shop.created(
                staff.post(
                    "/api/v1/events/" + eventId + "/ticket-types",
                    "{\"name\":\"VIP\",\"priceMinor\":6000,\"capacity\":10,\"visibility\":\"code\",\"unlockCode\":\"OWLS\"}"))
            .getString("id");
    JsonObject quota =
        shop.created(
            staff.post(
                "/api/v1/events/" + eventId + "/quotas",
                "{\"name\":\"Floor\",\"capacity\":105,\"ticketTypeIds\":[\""
                    + ga
                    + "\",\""
                    + vip
                    + "\"]}"));
    assertEquals(105, quota.getInt("available"));
    shop.created(
        staff.post(
            "/api/v1/events/" + eventId + "/promo-codes",
            "{\"code\":\"early10\",\"kind\":\"percent\",\"percentBp\":1000,\"maxUses\":2}"));
    shop.publish(eventId);

    JsonObject pub = shop.guest().get("/api/v1/public/events/" + eventId).json();
    assertEquals("published", pub.getString("status"));
    assertEquals(1, pub.getJsonArray("ticketTypes").size(), "the coded VIP type is not listed");
    assertFalse(
        pub.getJsonArray("ticketTypes").getJsonObject(0).containsKey("capacity"),
        "no staff figures in public");
    JsonObject unlocked =
        shop.guest().get("/api/v1/public/events/" + pub.getString("slug") + "?code=OWLS").json();
    assertEquals(2, unlocked.getJsonArray("ticketTypes").size());
    assertEquals("Paradiso", pub.getJsonObject("venue").getString("name"));
  }

  @Test
  @Order(2)
  void checkoutPricesExactlyAndPaymentIssuesSignedTickets() {
    Api.Reply placed =
        shop.guest()
            .post(
                "/api/v1/orders",
                "{\"eventId\":\""
                    + eventId
                    + "\",\"promoCode\":\"EARLY10\",\"items\":[{\"ticketTypeId\":\""
                    + ga
                    + "\",\"quantity\":2}],\"buyer\":{\"name\":\"Ada Buyer\",\"email\":\"Ada@Example.com\"}}");
    JsonObject order = shop.created(placed);
    // 2 × 25.00, 10 % off = 22.50 each; 21 % VAT included = 3.90 each; booking fee 1.00 each.
    assertEquals("pending", order.getString("status"));
    assertEquals(5000, order.getInt("subtotalMinor"));
    assertEquals(500, order.getInt("discountMinor"));
    assertEquals(200, order.getInt("feeMinor"));
    assertEquals(780, order.getInt("taxMinor"));
    assertEquals(4700, order.getInt("totalMinor"));
    assertEquals("ada@example.com", order.getJsonObject("buyer").getString("email"));
    assertTrue(order.getString("number").matches("SHO-\\d+"), order.getString("number"));
    assertTrue(order.containsKey("expiresAt"));

    // A stranger cannot read it; the buyer can with the order token.
    assertEquals(404, shop.guest().get("/api/v1/orders/" + order.getString("id")).status());
    assertEquals(
        404,
        shop.guest()
            .header("X-Order-Token", "nope")
            .get("/api/v1/orders/" + order.getString("id"))
            .status());

    Api.Reply page = shop.payWithTestGateway(order, true);
    assertEquals(200, page.status(), page.toString());
    assertTrue(page.body().contains("Payment paid"), page.body());

    JsonObject paid = shop.buyerView(order);
    assertEquals("paid", paid.getString("status"));
    assertEquals(2, paid.getJsonArray("tickets").size());
    for (JsonValue t : paid.getJsonArray("tickets")) {
      assertEquals("valid", t.asJsonObject().getString("status"));
      assertEquals(2350, t.asJsonObject().getInt("amountMinor"));
    }
    paidOrder = Json.merge(order, paid);

    String ticketId = paid.getJsonArray("tickets").getJsonObject(0).getString("id");
    Api buyer = shop.guest().header("X-Order-Token", order.getString("accessToken"));
    JsonObject ticket = buyer.get("/api/v1/tickets/" + ticketId).json();
    String code = ticket.getString("code");
    assertTrue(code.contains("."), code);
    Api.Reply svg = buyer.get("/api/v1/tickets/" + ticketId + "/qr.svg");
    assertEquals(200, svg.status());
    assertTrue(svg.body().startsWith("<svg"), svg.body());
    Api.Reply png = buyer.get("/api/v1/tickets/" + ticketId + "/qr.png");
    assertEquals("image/png", png.contentType());
    assertTrue(png.body().startsWith("PNG", 1));
    Api.Reply pdf = buyer.get("/api/v1/tickets/" + ticketId + "/ticket.pdf");
    assertEquals(200, pdf.status());
    assertTrue(pdf.body().startsWith("%PDF"), "a PDF document");

    // The door accepts the code; a tampered one is refused.
    assertEquals("valid", verify(code).getString("verdict"));
    String tampered =
        code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A') + code.substring(11);
    assertFalse(verify(tampered).getBoolean("valid"));

    // Sales figures moved: 2 sold of GA; the promo has one use left.
    JsonObject staffView = shop.staff().get("/api/v1/events/" + eventId).json();
    JsonObject gaType = type(staffView, ga);
    assertEquals(2, gaType.getInt("sold"));
    assertEquals(98, gaType.getInt("available"));
    assertEquals(1, staffView.getJsonArray("promoCodes").getJsonObject(0).getInt("used"));
    assertEquals(
        1,
        Database.number(
            "SELECT count(*) FROM " + shop.schema() + ".outbox_event WHERE type = 'order.paid'"));
    assertEquals(
        2,
        Database.number(
            "SELECT count(*) FROM "
                + shop.schema()
                + ".outbox_event WHERE type = 'ticket.issued'"));
  }

  @Test
  @Order(3)
  void callbacksAreVerifiedAndReplaysChangeNothing() {
    String secret = System.getenv("MARQUEE_PAYMENTS_TEST_SECRET");
    JsonObject order = shop.created(shop.order(eventId, ga, 1));
    Api buyer = shop.guest().header("X-Order-Token", order.getString("accessToken"));
    JsonObject start =
        shop.created(
            buyer.post(
                "/api/v1/orders/" + order.getString("id") + "/payments",
                "{\"provider\":\"test\"}"));
    String attempt = start.getString("attemptId");
    String body =
        "{\"type\":\"payment.succeeded\",\"data\":{\"attemptId\":\""
            + attempt
            + "\",\"amountMinor\":"
            + order.getInt("totalMinor")
            + ",\"currency\":\"EUR\",\"reference\":\"r1\"}}";

    // Unsigned and wrongly signed callbacks are refused and change nothing.
    assertEquals(401, callback(body, "msg_1", Instant.now().getEpochSecond(), "v1,AAAA").status());
    assertEquals(
        401,
        callback(
                body,
                "msg_1",
                Instant.now().getEpochSecond(),
                sign("wrong-secret", "msg_1", Instant.now().getEpochSecond(), body))
            .status());
    assertEquals("pending", shop.buyerView(order).getString("status"));
    assertNotNull(secret, "MARQUEE_PAYMENTS_TEST_SECRET comes from marquee.sh's marquee.env");
    // A stale timestamp (replayed capture) is refused.
    long old = Instant.now().getEpochSecond() - 3600;
    assertEquals(401, callback(body, "msg_2", old, sign(secret, "msg_2", old, body)).status());
    // Amount tampering under a valid signature is refused.
    String cheaper =
        body.replace("\"amountMinor\":" + order.getInt("totalMinor"), "\"amountMinor\":1");
    long now = Instant.now().getEpochSecond();
    assertEquals(
        422, callback(cheaper, "msg_3", now, sign(secret, "msg_3", now, cheaper)).status());
    // The genuine callback pays; replaying it changes nothing.
    Api.Reply first = callback(body, "msg_4", now, sign(secret, "msg_4", now, body));
    assertEquals(200, first.status(), first.toString());
    long entries = Database.number("SELECT count(*) FROM " + shop.schema() + ".journal_entry");
    Api.Reply replay = callback(body, "msg_4", now, sign(secret, "msg_4", now, body));
    assertEquals(200, replay.status());
    assertEquals("succeeded", replay.json().getString("status"));
    assertEquals(
        entries, Database.number("SELECT count(*) FROM " + shop.schema() + ".journal_entry"));
    assertEquals("paid", shop.buyerView(order).getString("status"));
  }

  @Test
  @Order(4)
  void transferRevokesTheOldCodeAndRotatedKeysStillVerify() {
    String ticketId = paidOrder.getJsonArray("tickets").getJsonObject(1).getString("id");
    Api buyer = shop.guest().header("X-Order-Token", paidOrder.getString("accessToken"));
    String before = buyer.get("/api/v1/tickets/" + ticketId).json().getString("code");

    JsonObject rotated =
        shop.staff().post("/api/v1/events/" + eventId + "/keys/rotate", "{}").json();
    assertEquals(
        "valid", verify(before).getString("verdict"), "codes under a retired key still verify");
    JsonObject keys = shop.guest().get("/api/v1/public/events/" + eventId + "/keys").json();
    assertEquals(2, keys.getJsonArray("keys").size());

    JsonObject moved =
        buyer
            .post(
                "/api/v1/tickets/" + ticketId + "/transfer",
                "{\"name\":\"Grace Friend\",\"email\":\"grace@example.com\"}")
            .json();
    assertEquals("Grace Friend", moved.getString("holderName"));
    assertEquals(2, moved.getInt("serial"));
    assertNotEquals(before, moved.getString("code"));
    assertEquals("revoked", verify(before).getString("verdict"));
    assertEquals("valid", verify(moved.getString("code")).getString("verdict"));
    assertTrue(moved.getString("code").length() > 0 && rotated.getString("kid").length() > 0);
    assertEquals(
        1,
        shop.guest()
            .get("/api/v1/public/events/" + eventId + "/keys")
            .json()
            .getJsonArray("revoked")
            .size());
  }

  @Test
  @Order(5)
  void refundsReturnCapacityOnceAndStayWithinWhatWasPaid() {
    String orderId = paidOrder.getString("id");
    String first = paidOrder.getJsonArray("tickets").getJsonObject(0).getString("id");
    String code =
        shop.guest()
            .header("X-Order-Token", paidOrder.getString("accessToken"))
            .get("/api/v1/tickets/" + first)
            .json()
            .getString("code");
    int availableBefore =
        type(shop.staff().get("/api/v1/events/" + eventId).json(), ga).getInt("available");

    Api.Reply refund =
        shop.staff()
            .post(
                "/api/v1/orders/" + orderId + "/refunds",
                "{\"ticketIds\":[\"" + first + "\"],\"reason\":\"cannot come\"}");
    assertEquals(201, refund.status(), refund.toString());
    assertEquals("partially_refunded", refund.json().getString("status"));
    assertEquals(2350, refund.json().getInt("refundedMinor"));
    assertEquals(
        availableBefore + 1,
        type(shop.staff().get("/api/v1/events/" + eventId).json(), ga).getInt("available"));
    assertEquals("revoked", verify(code).getString("verdict"));

    Api.Reply twice =
        shop.staff()
            .post("/api/v1/orders/" + orderId + "/refunds", "{\"ticketIds\":[\"" + first + "\"]}");
    assertEquals(409, twice.status(), twice.toString());
    assertTrue(twice.isProblem());
    assertEquals(
        availableBefore + 1,
        type(shop.staff().get("/api/v1/events/" + eventId).json(), ga).getInt("available"));

    Api.Reply tooMuch =
        shop.staff().post("/api/v1/orders/" + orderId + "/refunds", "{\"amountMinor\":999999}");
    assertEquals(422, tooMuch.status());
    assertEquals("amountMinor", tooMuch.json().getString("field"));

    Api.Reply partial =
        shop.staff().post("/api/v1/orders/" + orderId + "/refunds", "{\"amountMinor\":350}");
    assertEquals(201, partial.status(), partial.toString());
    Api.Reply rest = shop.staff().post("/api/v1/orders/" + orderId + "/refunds", "{}");
    assertEquals(201, rest.status(), rest.toString());
    assertEquals("refunded", rest.json().getString("status"));
    assertEquals(4700, rest.json().getInt("refundedMinor"));
    assertEquals(409, shop.staff().post("/api/v1/orders/" + orderId + "/refunds", "{}").status());
  }

  @Test
  @Order(6)
  void counterReservationIsConfirmedByDoorStaff() {
    JsonObject order = shop.created(shop.order(eventId, ga, 2));
    Api buyer = shop.guest().header("X-Order-Token", order.getString("accessToken"));
    JsonObject start =
        shop.created(
            buyer.post(
                "/api/v1/orders/" + order.getString("id") + "/payments",
                "{\"provider\":\"counter\"}"));
    String code = start.getString("counterCode");
    assertEquals(8, code.length());
    Instant until = Instant.parse(start.getString("reservedUntil"));
    assertTrue(until.isAfter(Instant.now().plusSeconds(11 * 3600)), "held 12–24 h");

    assertEquals(
        401,
        shop.guest()
            .post("/api/v1/counter/" + code + "/confirm", "{\"method\":\"cash\"}")
            .status());
    assertEquals(
        400,
        shop.staff().post("/api/v1/counter/" + code + "/confirm", "{\"method\":\"iou\"}").status());
    JsonObject confirmed =
        shop.staff()
            .post("/api/v1/counter/" + code.toLowerCase() + "/confirm", "{\"method\":\"cash\"}")
            .json();
    assertEquals("paid", confirmed.getString("status"));
    assertEquals("counter", confirmed.getString("paymentProvider"));
    assertEquals(
        409,
        shop.staff()
            .post("/api/v1/counter/" + code + "/confirm", "{\"method\":\"cash\"}")
            .status());

    JsonObject tb = shop.staff().get("/api/v1/ledger/trial-balance").json();
    boolean cash = false;
    for (JsonValue a : tb.getJsonArray("accounts")) {
      if (a.asJsonObject().getString("code").equals("cash:door")) {
        cash = a.asJsonObject().getInt("debitsMinor") == confirmed.getInt("totalMinor");
      }
    }
    assertTrue(cash, tb.toString());
  }

  @Test
  @Order(7)
  void idempotencyKeyReplaysRefusesOtherBodies() {
    String body =
        "{\"eventId\":\""
            + eventId
            + "\",\"items\":[{\"ticketTypeId\":\""
            + ga
            + "\",\"quantity\":1}],\"buyer\":{\"name\":\"Idem\",\"email\":\"idem@example.com\"}}";
    Api keyed = shop.guest().header("Idempotency-Key", "k-" + UUID.randomUUID());
    Api.Reply first = keyed.post("/api/v1/orders", body);
    Api.Reply again = keyed.post("/api/v1/orders", body);
    assertEquals(201, first.status(), first.toString());
    assertEquals(201, again.status());
    assertEquals(first.json().getString("id"), again.json().getString("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    Api.Reply other =
        keyed.post("/api/v1/orders", body.replace("\"quantity\":1", "\"quantity\":2"));
    assertEquals(422, other.status());
    assertEquals("Idempotency-Key", other.json().getString("field"));
    assertEquals(
        1,
        Database.number(
            "SELECT count(*) FROM "
                + shop.schema()
                + ".orders WHERE buyer_email = 'idem@example.com'"));
  }

  @Test
  @Order(7)
  void concurrentReuseOfAKeyCreatesOneOrder() throws Exception {
    String body =
        "{\"eventId\":\""
            + eventId
            + "\",\"items\":[{\"ticketTypeId\":\""
            + ga
            + "\",\"quantity\":1}],\"buyer\":{\"name\":\"Twin\",\"email\":\"twin@example.com\"}}";
    Api keyed = shop.guest().header("Idempotency-Key", "twin-" + UUID.randomUUID());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<Api.Reply>> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      replies.add(
          pool.submit(
              () -> {
                go.await();
                return keyed.post("/api/v1/orders", body);
              }));
    }
    go.countDown();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (var f : replies) {
      Api.Reply r = f.get();
      assertTrue(r.status() == 201 || r.status() == 409, r.toString());
      if (r.status() == 201) {
        ids.add(r.json().getString("id"));
      } else {
        assertEquals("Idempotency-Key", r.json().getString("field"));
      }
    }
    pool.shutdown();
    assertEquals(1, ids.size(), "every 201 is the same order");
    assertEquals(
        1,
        Database.number(
            "SELECT count(*) FROM "
                + shop.schema()
                + ".orders WHERE buyer_email = 'twin@example.com'"));
  }

  @Test
  @Order(7)
  void donationTicketsChargeWhatTheBuyerGivesButNotLessThanTheMinimum() {
    String donation =
        shop.created(
                shop.staff()
                    .post(
                        "/api/v1/events/" + eventId + "/ticket-types",
                        "{\"name\":\"Supporter\",\"kind\":\"donation\",\"priceMinor\":1000,\"capacity\":50}"))
            .getString("id");
    String item = "{\"ticketTypeId\":\"" + donation + "\",\"quantity\":1,\"amountMinor\":";
    assertField(422, "items[0].amountMinor", order(item + "500}", null));
    JsonObject generous = shop.created(order(item + "4000}", null));
    assertEquals(4000, generous.getInt("subtotalMinor"));
    assertField(
        400,
        "items[0].amountMinor",
        order("{\"ticketTypeId\":\"" + ga + "\",\"quantity\":1,\"amountMinor\":9000}", null));
  }

  @Test
  @Order(8)
  void badInputIsAClearProblemAndWritesNothing() {
    long orders = Database.number("SELECT count(*) FROM " + shop.schema() + ".orders");
    int taken = type(shop.staff().get("/api/v1/events/" + eventId).json(), ga).getInt("taken");

    Api.Reply malformed = shop.guest().post("/api/v1/orders", "{\"eventId\":");
    assertEquals(400, malformed.status(), malformed.toString());
    assertTrue(malformed.isProblem());
    assertField(
        400, "items[0].quantity", order("{\"ticketTypeId\":\"" + ga + "\",\"quantity\":-3}", null));
    assertField(
        400,
        "items[0].quantity",
        order("{\"ticketTypeId\":\"" + ga + "\",\"quantity\":1e12}", null));
    assertField(422, "items", order("{\"ticketTypeId\":\"" + ga + "\",\"quantity\":7}", null));
    assertField(
        422, "promoCode", order("{\"ticketTypeId\":\"" + ga + "\",\"quantity\":1}", "NOPE"));
    assertField(
        422, "unlockCode", order("{\"ticketTypeId\":\"" + vip + "\",\"quantity\":1}", null));
    assertField(
        400,
        "buyer.email",
        shop.guest()
            .post(
                "/api/v1/orders",
                "{\"eventId\":\""
                    + eventId
                    + "\",\"items\":[{\"ticketTypeId\":\""
                    + ga
                    + "\",\"quantity\":1}],\"buyer\":{\"name\":\"X\",\"email\":\"not-mail\"}}"));
    assertField(
        400,
        "eventId",
        shop.guest()
            .post(
                "/api/v1/orders",
                "{\"eventId\":\""
                    + UUID.randomUUID()
                    + "\",\"items\":[{\"ticketTypeId\":\""
                    + ga
                    + "\",\"quantity\":1}],\"buyer\":{\"name\":\"X\",\"email\":\"x@example.com\"}}"));
    assertField(
        422,
        "currency",
        shop.staff()
            .post(
                "/api/v1/events/" + eventId + "/ticket-types",
                "{\"name\":\"USD\",\"priceMinor\":100,\"capacity\":1,\"currency\":\"USD\"}"));
    assertField(
        400,
        "priceMinor",
        shop.staff()
            .post(
                "/api/v1/events/" + eventId + "/ticket-types",
                "{\"name\":\"Neg\",\"priceMinor\":-100,\"capacity\":1}"));
    assertField(
        400,
        "provider",
        shop.guest()
            .header("X-Order-Token", paidOrder.getString("accessToken"))
            .post(
                "/api/v1/orders/" + paidOrder.getString("id") + "/payments",
                "{\"provider\":\"bitcoin\"}"));

    assertEquals(orders, Database.number("SELECT count(*) FROM " + shop.schema() + ".orders"));
    assertEquals(
        taken, type(shop.staff().get("/api/v1/events/" + eventId).json(), ga).getInt("taken"));
  }

  @Test
  @Order(9)
  void expiredHoldsGiveTheirTicketsBackExactlyOnce() {
    JsonObject order = shop.created(shop.order(eventId, ga, 3));
    int takenWithHold =
        type(shop.staff().get("/api/v1/events/" + eventId).json(), ga).getInt("taken");
    // Let the hold run out (time travel in the database; the code path is the real one).
    Database.number(
        "WITH x AS (UPDATE "
            + shop.schema()
            + ".orders SET expires_at = now() - interval '1 second' WHERE id = ?::uuid RETURNING 1) SELECT count(*) FROM x",
        order.getString("id"));
    assertEquals("expired", shop.buyerView(order).getString("status"));
    assertEquals("expired", shop.buyerView(order).getString("status"));
    assertEquals(
        takenWithHold - 3,
        type(shop.staff().get("/api/v1/events/" + eventId).json(), ga).getInt("taken"));
    Api buyer = shop.guest().header("X-Order-Token", order.getString("accessToken"));
    assertEquals(
        409,
        buyer
            .post(
                "/api/v1/orders/" + order.getString("id") + "/payments", "{\"provider\":\"test\"}")
            .status());
  }

  @Test
  @Order(9)
  void theSweeperJobReleasesRunOutHoldsWithoutAnyoneReading() throws InterruptedException {
    JsonObject order = shop.created(shop.order(eventId, ga, 2));
    Database.number(
        "WITH x AS (UPDATE "
            + shop.schema()
            + ".orders SET expires_at = now() - interval '1 second' WHERE id = ?::uuid RETURNING 1) SELECT count(*) FROM x",
        order.getString("id"));
    String status = "pending";
    for (int i = 0; i < 40 && status.equals("pending"); i++) {
      Thread.sleep(500);
      status =
          Database.number(
                      "SELECT CASE status WHEN 'expired' THEN 1 ELSE 0 END FROM "
                          + shop.schema()
                          + ".orders WHERE id = ?::uuid",
                      order.getString("id"))
                  == 1
              ? "expired"
              : "pending";
    }
    assertEquals("expired", status, "the Quartz hold-expiry job ran");
    assertEquals(
        0,
        Database.number(
            "SELECT count(*) FROM " + shop.schema() + ".ticket WHERE order_id = ?::uuid",
            order.getString("id")));
  }

  @Test
  @Order(10)
  void ledgerBalancesReconcilesAndSettles() {
    JsonObject tb = shop.staff().get("/api/v1/ledger/trial-balance").json();
    assertTrue(tb.getBoolean("balanced"), tb.toString());
    assertEquals(
        tb.getJsonNumber("totalDebitsMinor").longValue(),
        tb.getJsonNumber("totalCreditsMinor").longValue());
    JsonObject rec = shop.staff().get("/api/v1/ledger/reconciliation").json();
    assertTrue(rec.getBoolean("reconciled"), rec.toString());
    JsonObject s = shop.staff().get("/api/v1/reports/events/" + eventId + "/settlement").json();
    long gross = s.getJsonNumber("grossSalesMinor").longValue();
    long refunds = s.getJsonNumber("refundsMinor").longValue();
    long tax = s.getJsonNumber("taxMinor").longValue();
    long fees = s.getJsonNumber("bookingFeesMinor").longValue();
    assertEquals(
        gross - refunds, s.getJsonNumber("netRevenueMinor").longValue() + tax + fees, s.toString());
    assertEquals(4700, refunds);
    Api.Reply csv = shop.staff().get("/api/v1/reports/sales.csv");
    assertTrue(csv.body().contains("Night Owls"), csv.body());
    assertEquals(200, shop.staff().get("/api/v1/reports/sales.xlsx").status());
  }

  @Test
  @Order(11)
  void cancellingTheEventRefundsEveryOrder() {
    JsonObject pending = shop.created(shop.order(eventId, ga, 1));
    JsonObject toPay = shop.created(shop.order(eventId, ga, 1));
    shop.payWithTestGateway(toPay, true);
    JsonObject out =
        shop.staff().post("/api/v1/events/" + eventId + "/cancel", "{\"reason\":\"storm\"}").json();
    assertEquals("cancelled", out.getJsonObject("event").getString("status"));
    assertTrue(out.getInt("ordersRefunded") >= 2, out.toString());
    assertEquals("cancelled", shop.buyerView(pending).getString("status"));
    assertEquals("refunded", shop.buyerView(toPay).getString("status"));
    assertEquals(
        0,
        Database.number(
            "SELECT count(*) FROM "
                + shop.schema()
                + ".orders WHERE status IN ('paid','pending','partially_refunded')"));
    assertEquals(
        0,
        Database.number(
            "SELECT count(*) FROM " + shop.schema() + ".ticket WHERE status = 'valid'"));
    assertTrue(shop.staff().get("/api/v1/ledger/reconciliation").json().getBoolean("reconciled"));
    assertEquals(422, shop.order(eventId, ga, 1).status(), "a cancelled event sells nothing");
  }

  private static JsonObject verify(String code) {
    Api.Reply r =
        shop.staff().post("/api/v1/events/" + eventId + "/verify", "{\"code\":\"" + code + "\"}");
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private static Api.Reply order(String item, String promo) {
    return shop.guest()
        .post(
            "/api/v1/orders",
            "{\"eventId\":\""
                + eventId
                + "\",\"items\":["
                + item
                + "]"
                + (promo == null ? "" : ",\"promoCode\":\"" + promo + "\"")
                + ",\"buyer\":{\"name\":\"Bad\",\"email\":\"bad@example.com\"}}");
  }

  private static void assertField(int status, String field, Api.Reply r) {
    assertEquals(status, r.status(), r.toString());
    assertTrue(r.isProblem(), r.toString());
    assertEquals(field, r.json().getString("field"), r.toString());
  }

  static JsonObject type(JsonObject event, String id) {
    for (JsonValue v : event.getJsonArray("ticketTypes")) {
      if (v.asJsonObject().getString("id").equals(id)) {
        return v.asJsonObject();
      }
    }
    throw new AssertionError("no ticket type " + id);
  }

  private static Api.Reply callback(String body, String id, long ts, String signature) {
    return shop.guest()
        .header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(ts))
        .header("webhook-signature", signature)
        .post("/api/v1/payments/test/callback", body);
  }

  static String sign(String secret, String id, long ts, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v1,"
          + Base64.getEncoder()
              .encodeToString(
                  mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Shallow merge: the buyer view plus the token from checkout. */
  static final class Json {
    static JsonObject merge(JsonObject withToken, JsonObject view) {
      return jakarta.json.Json.createObjectBuilder(view)
          .add("accessToken", withToken.getString("accessToken"))
          .build();
    }
  }
}
