package io.marquee.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Database;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A random history through the real API and database: checkouts with and without promo, gateway
 * payments that succeed or fail, counter payments, ticket, amount and full refunds, transfers,
 * cancellations and expiries. Afterwards the ledger balances, reconciles with every order, and the
 * inventory counters equal the tickets that exist. The seed is printed so a failure can be
 * replayed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerRandomIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aRandomHistoryKeepsLedgerOrdersAndInventoryConsistent() {
    long seed = Long.getLong("marquee.it.seed", System.nanoTime());
    System.out.println("LedgerRandomIT seed " + seed);
    Random r = new Random(seed);
    Shop shop = Shop.open("ledger");
    Api staff = shop.staff();
    assertEquals(
        200,
        staff
            .put(
                "/api/v1/settings/commerce",
                "{\"taxMode\":\"exclusive\",\"taxRateBp\":1000,\"bookingFeeMinor\":50}")
            .status());
    String event = shop.event("Random Nights").getString("id");
    List<String> types =
        List.of(
            shop.ticketType(event, "A", 1200, 300, 5).getString("id"),
            shop.ticketType(event, "B", 3050, 300, 5).getString("id"));
    shop.created(
        staff.post(
            "/api/v1/events/" + event + "/promo-codes",
            "{\"code\":\"RND\",\"kind\":\"percent\",\"percentBp\":1500}"));
    shop.publish(event);

    List<JsonObject> pending = new ArrayList<>();
    List<JsonObject> paid = new ArrayList<>();
    for (int step = 0; step < 140; step++) {
      int op = r.nextInt(100);
      if (op < 35 || paid.isEmpty() && pending.isEmpty()) {
        String type = types.get(r.nextInt(2));
        String body =
            "{\"eventId\":\""
                + event
                + "\",\"items\":[{\"ticketTypeId\":\""
                + type
                + "\",\"quantity\":"
                + (1 + r.nextInt(3))
                + "}]"
                + (r.nextBoolean() ? ",\"promoCode\":\"RND\"" : "")
                + ",\"buyer\":{\"name\":\"R"
                + step
                + "\",\"email\":\"r"
                + step
                + "@example.com\"}}";
        pending.add(shop.created(shop.guest().post("/api/v1/orders", body)));
      } else if (op < 55 && !pending.isEmpty()) {
        JsonObject o = pending.remove(r.nextInt(pending.size()));
        boolean succeed = r.nextInt(5) > 0;
        shop.payWithTestGateway(o, succeed);
        (succeed ? paid : pending).add(CommerceFlowIT.Json.merge(o, shop.buyerView(o)));
      } else if (op < 62 && !pending.isEmpty()) {
        JsonObject o = pending.remove(r.nextInt(pending.size()));
        Api.Reply start =
            shop.guest()
                .header("X-Order-Token", o.getString("accessToken"))
                .post(
                    "/api/v1/orders/" + o.getString("id") + "/payments",
                    "{\"provider\":\"counter\"}");
        if (start.status() == 201) {
          Api.Reply c =
              staff.post(
                  "/api/v1/counter/" + start.json().getString("counterCode") + "/confirm",
                  "{\"method\":\"" + (r.nextBoolean() ? "cash" : "card") + "\"}");
          assertEquals(200, c.status(), c.toString());
          paid.add(CommerceFlowIT.Json.merge(o, c.json()));
        }
      } else if (op < 72 && !paid.isEmpty()) {
        JsonObject o = paid.get(r.nextInt(paid.size()));
        JsonObject now = staff.get("/api/v1/orders/" + o.getString("id")).json();
        List<String> valid = new ArrayList<>();
        for (JsonValue t : now.getJsonArray("tickets")) {
          if (t.asJsonObject().getString("status").equals("valid")) {
            valid.add(t.asJsonObject().getString("id"));
          }
        }
        if (!valid.isEmpty()) {
          Api.Reply ref =
              staff.post(
                  "/api/v1/orders/" + o.getString("id") + "/refunds",
                  "{\"ticketIds\":[\"" + valid.get(r.nextInt(valid.size())) + "\"]}");
          assertTrue(ref.status() == 201 || ref.status() == 422, ref.toString());
        }
      } else if (op < 80 && !paid.isEmpty()) {
        JsonObject o = paid.get(r.nextInt(paid.size()));
        long left =
            staff
                    .get("/api/v1/orders/" + o.getString("id"))
                    .json()
                    .getJsonNumber("totalMinor")
                    .longValue()
                - staff
                    .get("/api/v1/orders/" + o.getString("id"))
                    .json()
                    .getJsonNumber("refundedMinor")
                    .longValue();
        if (left > 0) {
          long amount = 1 + (long) (r.nextDouble() * left);
          assertEquals(
              201,
              staff
                  .post(
                      "/api/v1/orders/" + o.getString("id") + "/refunds",
                      "{\"amountMinor\":" + amount + "}")
                  .status());
        }
      } else if (op < 85 && !paid.isEmpty()) {
        JsonObject o = paid.remove(r.nextInt(paid.size()));
        Api.Reply all = staff.post("/api/v1/orders/" + o.getString("id") + "/refunds", "{}");
        assertTrue(
            all.status() == 201 || all.status() == 409 || all.status() == 422, all.toString());
      } else if (op < 92 && !paid.isEmpty()) {
        JsonObject o = paid.get(r.nextInt(paid.size()));
        for (JsonValue t :
            staff.get("/api/v1/orders/" + o.getString("id")).json().getJsonArray("tickets")) {
          if (t.asJsonObject().getString("status").equals("valid")) {
            Api.Reply tr =
                shop.guest()
                    .header("X-Order-Token", o.getString("accessToken"))
                    .post(
                        "/api/v1/tickets/" + t.asJsonObject().getString("id") + "/transfer",
                        "{\"name\":\"Friend " + step + "\"}");
            assertEquals(200, tr.status(), tr.toString());
            break;
          }
        }
      } else if (op < 96 && !pending.isEmpty()) {
        JsonObject o = pending.remove(r.nextInt(pending.size()));
        assertEquals(
            200, staff.post("/api/v1/orders/" + o.getString("id") + "/cancel", "{}").status());
      } else if (!pending.isEmpty()) {
        JsonObject o = pending.remove(r.nextInt(pending.size()));
        Database.number(
            "WITH x AS (UPDATE "
                + shop.schema()
                + ".orders SET expires_at = now() - interval '1 second' WHERE id = ?::uuid RETURNING 1) SELECT count(*) FROM x",
            o.getString("id"));
      }
    }

    JsonObject tb = staff.get("/api/v1/ledger/trial-balance").json();
    assertTrue(tb.getBoolean("balanced"), "seed " + seed + ": " + tb);
    assertEquals(
        tb.getJsonNumber("totalDebitsMinor").longValue(),
        tb.getJsonNumber("totalCreditsMinor").longValue());
    JsonObject rec = staff.get("/api/v1/ledger/reconciliation").json();
    assertTrue(rec.getBoolean("reconciled"), "seed " + seed + ": " + rec);
    long kept =
        Database.number(
            "SELECT COALESCE(SUM(total_minor - refunded_minor), 0) FROM "
                + shop.schema()
                + ".orders WHERE status IN ('paid','partially_refunded','refunded')");
    long money =
        Database.number(
            "SELECT COALESCE(SUM(debit_minor - credit_minor), 0) FROM "
                + shop.schema()
                + ".journal_line WHERE account_code LIKE 'clearing:%' OR account_code = 'cash:door'");
    assertEquals(kept, money, "seed " + seed);
    InventoryRaceIT.assertCountersMatchTickets(shop, event);
  }
}
