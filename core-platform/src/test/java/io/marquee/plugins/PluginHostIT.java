package io.marquee.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import jakarta.json.JsonObject;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real plugin jars built by the build (plugins/testing: a recorder and a faulty plugin), loaded by
 * the server from its plugins folder: per-tenant enablement decides who they hear from, and a
 * plugin that throws or hangs never breaks a checkout and shows up as failing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PluginHostIT {
  static Shop a;
  static Shop b;
  static String eventA;
  static String typeA;
  static String eventB;
  static String typeB;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void setUp() {
    a = Shop.open("plug-a");
    b = Shop.open("plug-b");
    eventA = a.event("Plugged A").getString("id");
    typeA = a.ticketType(eventA, "GA", 1000, 100, 4).getString("id");
    a.publish(eventA);
    eventB = b.event("Plugged B").getString("id");
    typeB = b.ticketType(eventB, "GA", 1000, 100, 4).getString("id");
    b.publish(eventB);
  }

  static JsonObject plugin(Shop s, String id) {
    return s.staff().get("/api/console/plugins").json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject())
        .filter(p -> p.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("plugin " + id + " is not installed"));
  }

  static void paidOrder(Shop s, String event, String type) {
    JsonObject order = s.created(s.order(event, type, 1));
    Api.Reply paid = s.payWithTestGateway(order, true);
    assertTrue(paid.status() < 400, paid.toString());
    assertEquals("paid", s.buyerView(order).getString("status"), "checkout unaffected by plugins");
  }

  static void eventually(String what, Supplier<Boolean> check) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (check.get()) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("not within 30 s: " + what);
  }

  @Test
  void theOperatorSeesTheInstalledPlugins() {
    JsonObject all =
        Api.platform().bearer(Keycloak.operatorToken()).get("/api/platform/plugins").json();
    for (String id : new String[] {"recorder", "faulty"}) {
      assertTrue(
          all.getJsonArray("items").stream()
              .map(v -> v.asJsonObject())
              .anyMatch(
                  p -> p.getString("id").equals(id) && p.getString("state").equals("STARTED")),
          all.toString());
    }
    assertEquals(403, a.staff().get("/api/platform/plugins").status(), "operators only");
  }

  @Test
  void onlyTheTenantThatEnabledAPluginReachesIt() throws Exception {
    assertEquals(false, plugin(a, "recorder").getBoolean("enabled"));
    Api.Reply on = a.staff().post("/api/console/plugins/recorder/enable", "{}");
    assertEquals(200, on.status(), on.toString());
    assertTrue(on.json().getBoolean("changed"));
    assertEquals(
        false,
        a.staff().post("/api/console/plugins/recorder/enable", "{}").json().getBoolean("changed"),
        "enabling twice changes nothing");

    paidOrder(a, eventA, typeA);
    paidOrder(b, eventB, typeB);
    // order.placed, order.paid, ticket.issued at least
    eventually("A's events reach the recorder", () -> plugin(a, "recorder").getInt("calls") >= 3);
    Thread.sleep(2500); // two more delivery rounds
    assertEquals(0, plugin(b, "recorder").getInt("calls"), "B never enabled it: silence");
    assertEquals(0, plugin(a, "recorder").getInt("failures"));

    // Its own table in A's schema, read through its own route on A's domain; B gets 404.
    Api.Reply count = a.guest().get("/plugins/recorder/count");
    assertEquals(200, count.status(), count.toString());
    assertEquals(a.slug, count.json().getString("tenant"));
    int stored = count.json().getInt("events");
    assertTrue(stored >= 3, count.body());
    assertEquals(404, b.guest().get("/plugins/recorder/count").status(), "not enabled for B");
    assertEquals(404, a.guest().get("/plugins/no-such/x").status());

    // Disabled: nothing more reaches it.
    assertEquals(200, a.staff().post("/api/console/plugins/recorder/disable", "{}").status());
    Thread.sleep(1500);
    int before = plugin(a, "recorder").getInt("calls");
    paidOrder(a, eventA, typeA);
    Thread.sleep(3000);
    assertEquals(before, plugin(a, "recorder").getInt("calls"), "disabled: silence");
    assertEquals(false, plugin(a, "recorder").getBoolean("enabled"));
    assertEquals(
        404, a.guest().get("/plugins/recorder/count").status(), "disabled: its routes too");
    // Enabled again: the data was kept (its migrations are not run twice).
    assertEquals(200, a.staff().post("/api/console/plugins/recorder/enable", "{}").status());
    assertTrue(a.guest().get("/plugins/recorder/count").json().getInt("events") >= stored);
    assertEquals(200, a.staff().post("/api/console/plugins/recorder/disable", "{}").status());
  }

  @Test
  void aPluginThatThrowsOrHangsNeverBreaksACheckoutAndIsFlagged() throws Exception {
    Shop c = Shop.open("plug-c");
    String event = c.event("Faulty night").getString("id");
    String type = c.ticketType(event, "GA", 500, 100, 4).getString("id");
    c.publish(event);
    assertEquals(200, c.staff().post("/api/console/plugins/faulty/enable", "{}").status());
    long start = System.currentTimeMillis();
    for (int i = 0; i < 3; i++) {
      paidOrder(c, event, type);
    }
    assertTrue(System.currentTimeMillis() - start < 20_000, "checkouts do not wait for plugins");
    eventually(
        "the faulty plugin's failures are counted",
        () -> plugin(c, "faulty").getInt("failures") >= 3);
    eventually(
        "the operator sees it flagged",
        () ->
            Api.platform()
                .bearer(Keycloak.operatorToken())
                .get("/api/platform/plugins")
                .json()
                .getJsonArray("items")
                .stream()
                .map(v -> v.asJsonObject())
                .anyMatch(p -> p.getString("id").equals("faulty") && p.getBoolean("flagged")));
  }

  @Test
  void badRequestsAreRefusedClearly() {
    Api.Reply unknown = a.staff().post("/api/console/plugins/no-such-plugin/enable", "{}");
    assertEquals(404, unknown.status());
    assertTrue(unknown.body().contains("no plugin no-such-plugin installed"), unknown.body());
    String key =
        a.staff()
            .post("/api/console/api-keys", "{\"name\":\"w\",\"scope\":\"write\"}")
            .json()
            .getString("key");
    Api.Reply byKey =
        Api.host(io.marquee.support.Tenants.host(a.slug))
            .apiKey(key)
            .post("/api/console/plugins/recorder/enable", "{}");
    assertEquals(403, byKey.status(), "API keys cannot switch billed add-ons on");
  }
}
