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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Zero oversell under contention: 200 buyers racing for the last 10 tickets of a type, and for a
 * quota shared by two types; then refunds, double refunds, expiring holds and new purchases racing
 * on a sold-out type. Counters are checked against the tickets that actually exist.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InventoryRaceIT {
  static Shop shop;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void openShop() {
    shop = Shop.open("race");
  }

  /** Outcome counts of a race. */
  record Tally(Map<Integer, Integer> statuses, int paid, List<String> soldOutTitles) {}

  static Tally race(int buyers, String eventId, List<String> types) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch start = new CountDownLatch(1);
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicInteger paid = new AtomicInteger();
    List<String> titles = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      String type = types.get(i % types.size());
      all.add(
          pool.submit(
              () -> {
                start.await();
                Api.Reply r = shop.order(eventId, type, 1);
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() == 201) {
                  Api.Reply page = shop.payWithTestGateway(r.json(), true);
                  if (page.body().contains("Payment paid")) {
                    paid.incrementAndGet();
                  }
                } else if (r.status() == 409) {
                  titles.add(r.json().getString("title"));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : all) {
      f.get();
    }
    pool.shutdown();
    return new Tally(statuses, paid.get(), titles);
  }

  @Test
  void twoHundredBuyersForTheLastTenTicketsOfAType() throws Exception {
    JsonObject event = shop.event("Last ten");
    String id = event.getString("id");
    String type = shop.ticketType(id, "GA", 2000, 10, 4).getString("id");
    shop.publish(id);

    Tally t = race(200, id, List.of(type));

    assertEquals(10, t.paid(), t.toString());
    assertEquals(Map.of(201, 10, 409, 190), t.statuses());
    assertTrue(
        t.soldOutTitles().stream().allMatch("Sold out"::equals), t.soldOutTitles().toString());
    assertCountersMatchTickets(shop, id);
    JsonObject gaType = CommerceFlowIT.type(shop.staff().get("/api/v1/events/" + id).json(), type);
    assertEquals(10, gaType.getInt("sold"));
    assertEquals(0, gaType.getInt("available"));
    // Announced once: at the last payment, or by the next sweep when the last two commit together.
    String soldOut =
        "SELECT count(*) FROM "
            + shop.schema()
            + ".outbox_event WHERE type = 'event.sold_out' AND aggregate_id = ?::uuid";
    for (int i = 0; i < 20 && Database.number(soldOut, id) == 0; i++) {
      Thread.sleep(500);
    }
    assertEquals(1, Database.number(soldOut, id));
  }

  @Test
  void twoHundredBuyersForASharedQuotaOfTen() throws Exception {
    String id = shop.event("Shared floor").getString("id");
    String early = shop.ticketType(id, "Early bird", 1500, 100, 4).getString("id");
    String regular = shop.ticketType(id, "Regular", 2500, 100, 4).getString("id");
    shop.created(
        shop.staff()
            .post(
                "/api/v1/events/" + id + "/quotas",
                "{\"name\":\"Floor\",\"capacity\":10,\"ticketTypeIds\":[\""
                    + early
                    + "\",\""
                    + regular
                    + "\"]}"));
    shop.publish(id);

    Tally t = race(200, id, List.of(early, regular));

    assertEquals(10, t.paid(), t.toString());
    assertEquals(190, t.statuses().get(409));
    JsonObject ev = shop.staff().get("/api/v1/events/" + id).json();
    JsonObject quota = ev.getJsonArray("quotas").getJsonObject(0);
    assertEquals(10, quota.getInt("taken"));
    assertEquals(
        10,
        CommerceFlowIT.type(ev, early).getInt("sold")
            + CommerceFlowIT.type(ev, regular).getInt("sold"));
    assertCountersMatchTickets(shop, id);
  }

  @Test
  void refundsExpiriesAndPurchasesRacingNeverOversell() throws Exception {
    String id = shop.event("Churn").getString("id");
    String type = shop.ticketType(id, "GA", 1000, 20, 1).getString("id");
    shop.publish(id);
    List<JsonObject> paidOrders = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      JsonObject o = shop.created(shop.order(id, type, 1));
      shop.payWithTestGateway(o, true);
      paidOrders.add(shop.buyerView(o));
    }
    // Six holds that have run out (time moved forward in the database).
    for (int i = 0; i < 6; i++) {
      JsonObject o = shop.created(shop.order(id, type, 1));
      Database.number(
          "WITH x AS (UPDATE "
              + shop.schema()
              + ".orders SET expires_at = now() - interval '1 second' WHERE id = ?::uuid RETURNING 1) SELECT count(*) FROM x",
          o.getString("id"));
    }

    ExecutorService pool = Executors.newFixedThreadPool(64);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> refunds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      JsonObject o = paidOrders.get(i);
      String ticket = o.getJsonArray("tickets").getJsonObject(0).getString("id");
      for (int twice = 0; twice < 2; twice++) { // every refund is attempted twice, concurrently
        refunds.add(
            pool.submit(
                () -> {
                  start.await();
                  return shop.staff()
                      .post(
                          "/api/v1/orders/" + o.getString("id") + "/refunds",
                          "{\"ticketIds\":[\"" + ticket + "\"]}")
                      .status();
                }));
      }
    }
    List<Future<Integer>> buys = new ArrayList<>();
    AtomicInteger bought = new AtomicInteger();
    for (int i = 0; i < 40; i++) {
      buys.add(
          pool.submit(
              () -> {
                start.await();
                Api.Reply r = shop.order(id, type, 1);
                if (r.status() == 201
                    && shop.payWithTestGateway(r.json(), true).body().contains("Payment paid")) {
                  bought.incrementAndGet();
                }
                return r.status();
              }));
    }
    start.countDown();
    int refunded = 0;
    for (Future<Integer> f : refunds) {
      int s = f.get();
      assertTrue(s == 201 || s == 409, "refund answered " + s);
      refunded += s == 201 ? 1 : 0;
    }
    for (Future<Integer> f : buys) {
      int s = f.get();
      assertTrue(s == 201 || s == 409, "checkout answered " + s);
    }
    pool.shutdown();

    assertEquals(10, refunded, "each ticket refunded exactly once");
    assertTrue(
        bought.get() <= 16, "at most the 10 refunded and 6 expired seats were resold: " + bought);
    // Whatever the race left, exactly the returned seats can still be bought: each came back once.
    int more = 0;
    for (Api.Reply r = shop.order(id, type, 1); r.status() == 201; r = shop.order(id, type, 1)) {
      shop.payWithTestGateway(r.json(), true);
      more++;
      assertTrue(more <= 16, "capacity came back more than once");
    }
    assertEquals(16, bought.get() + more);
    assertCountersMatchTickets(shop, id);
    JsonObject t = CommerceFlowIT.type(shop.staff().get("/api/v1/events/" + id).json(), type);
    assertEquals(20, t.getInt("sold"));
    assertTrue(shop.staff().get("/api/v1/ledger/trial-balance").json().getBoolean("balanced"));
    assertTrue(shop.staff().get("/api/v1/ledger/reconciliation").json().getBoolean("reconciled"));
  }

  /** The counters agree with the tickets: taken = held + valid tickets, sold = valid tickets. */
  static void assertCountersMatchTickets(Shop shop, String eventId) {
    for (JsonValue v :
        shop.staff().get("/api/v1/events/" + eventId).json().getJsonArray("ticketTypes")) {
      JsonObject t = v.asJsonObject();
      long valid =
          Database.number(
              "SELECT count(*) FROM "
                  + shop.schema()
                  + ".ticket WHERE ticket_type_id = ?::uuid AND status = 'valid'",
              t.getString("id"));
      long held =
          Database.number(
              "SELECT count(*) FROM "
                  + shop.schema()
                  + ".ticket WHERE ticket_type_id = ?::uuid AND status = 'held'",
              t.getString("id"));
      assertEquals(valid, t.getInt("sold"), t.toString());
      assertEquals(valid + held, t.getInt("taken"), t.toString());
      assertTrue(t.getInt("sold") <= t.getInt("capacity"), "never oversold: " + t);
    }
  }
}
