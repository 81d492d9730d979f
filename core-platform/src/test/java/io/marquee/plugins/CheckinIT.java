package io.marquee.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Database;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The check-in add-on's server side with its real jar: scan outcomes, two devices racing on the
 * same tickets, offline uploads resolved by the earliest scan, idempotent re-uploads, metering, pay
 * at the door, and the tenant fences around devices.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CheckinIT {
  static Shop shop;
  static String event;
  static String type;
  static String gate;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void setUp() {
    shop = Shop.open("door");
    event = shop.event("Door night").getString("id");
    type = shop.ticketType(event, "GA", 1000, 5000, 10).getString("id");
    shop.publish(event);
    assertEquals(200, shop.staff().post("/api/console/plugins/checkin/enable", "{}").status());
    gate = gate(shop, event, "Main", 500);
  }

  static String gate(Shop s, String eventId, String name, int capacity) {
    Api.Reply g =
        s.staff()
            .post(
                "/plugins/checkin/api/admin/gates",
                "{\"eventId\":\""
                    + eventId
                    + "\",\"name\":\""
                    + name
                    + "\",\"capacity\":"
                    + capacity
                    + "}");
    assertEquals(201, g.status(), g.toString());
    return g.json().getString("id");
  }

  /** Provisions a device at the gate; returns its one-time claim code. */
  static String claimCode(Shop s, String gateId, String name) {
    Api.Reply d =
        s.staff()
            .post(
                "/plugins/checkin/api/admin/devices",
                "{\"gateId\":\"" + gateId + "\",\"name\":\"" + name + "\"}");
    assertEquals(201, d.status(), d.toString());
    return d.json().getString("claimCode");
  }

  /** Provisions a device at the gate and claims it as the app does; returns its credential. */
  static String device(Shop s, String gateId, String name) {
    Api.Reply claimed =
        s.guest()
            .post(
                "/plugins/checkin/api/claim", "{\"code\":\"" + claimCode(s, gateId, name) + "\"}");
    assertEquals(200, claimed.status(), claimed.toString());
    return claimed.json().getString("token");
  }

  /** {@code n} paid tickets of the event; their signed codes. */
  static List<String> codes(Shop s, String eventId, String typeId, int n) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      int k = Math.min(10, n - out.size());
      JsonObject order = s.created(s.order(eventId, typeId, k));
      s.payWithTestGateway(order, true);
      Api buyer = s.guest().header("X-Order-Token", order.getString("accessToken"));
      for (var t : s.buyerView(order).getJsonArray("tickets")) {
        String id = t.asJsonObject().getString("id");
        out.add(buyer.get("/api/v1/tickets/" + id).json().getString("code"));
      }
    }
    return out;
  }

  static Api door(Shop s, String token) {
    return s.guest().header("X-Device-Token", token);
  }

  static JsonObject scan(Api door, String code, String direction) {
    return scan(door, code, direction, UUID.randomUUID().toString());
  }

  static JsonObject scan(Api door, String code, String direction, String nonce) {
    Api.Reply r =
        door.post(
            "/plugins/checkin/api/scan",
            Json.createObjectBuilder()
                .add("code", code)
                .add("direction", direction)
                .add("nonce", nonce)
                .build()
                .toString());
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  static long usage(Shop s) {
    return Database.number(
        "SELECT coalesce(sum(u.quantity), 0) FROM platform.usage_record u JOIN platform.tenant t ON"
            + " t.id = u.tenant_id WHERE t.slug = ? AND u.plugin_id = 'checkin' AND u.unit = 'scan'",
        s.slug);
  }

  @Test
  void everyOutcomeAtTheDoor() {
    Api door = door(shop, device(shop, gate, "Phone 1"));
    List<String> codes = codes(shop, event, type, 3);
    long billedBefore = usage(shop);

    JsonObject first = scan(door, codes.get(0), "in", "nonce-first-" + UUID.randomUUID());
    assertEquals("ADMITTED", first.getString("outcome"), first.toString());
    assertEquals("Ada Buyer", first.getString("holderName"));
    assertEquals("GA", first.getString("ticketType"));
    JsonObject again = scan(door, codes.get(0), "in");
    assertEquals("ALREADY_USED", again.getString("outcome"));
    assertEquals("Main", again.getString("usedGate"));
    assertTrue(again.containsKey("usedAt"));

    // the same scan sent twice (a retry): the stored answer, not a second admission or bill
    String nonce = "nonce-retry-" + UUID.randomUUID();
    assertEquals("ADMITTED", scan(door, codes.get(1), "in", nonce).getString("outcome"));
    JsonObject retry = scan(door, codes.get(1), "in", nonce);
    assertEquals("ADMITTED", retry.getString("outcome"));
    assertTrue(retry.getBoolean("replayed"));
    assertEquals(billedBefore + 2, usage(shop), "two admissions, two scan units");

    assertEquals("EXITED", scan(door, codes.get(1), "out").getString("outcome"));
    assertEquals("NOT_INSIDE", scan(door, codes.get(1), "out").getString("outcome"));
    assertEquals(
        "ALREADY_USED",
        scan(door, codes.get(1), "in").getString("outcome"),
        "no re-entry by default");

    assertEquals("INVALID", scan(door, "hello-this-is-no-ticket", "in").getString("outcome"));
    String c = codes.get(2);
    String tampered = c.substring(0, c.length() - 3) + (c.endsWith("A") ? "BBB" : "AAA");
    assertEquals("INVALID", scan(door, tampered, "in").getString("outcome"), "signature broken");
    String other = shop.event("Other night").getString("id");
    String otherType = shop.ticketType(other, "GA", 1000, 100, 10).getString("id");
    shop.publish(other);
    assertEquals(
        "WRONG_EVENT",
        scan(door, codes(shop, other, otherType, 1).get(0), "in").getString("outcome"));
    Shop elsewhere = Shop.open("door-else");
    String theirEvent = elsewhere.event("Their night").getString("id");
    String theirType = elsewhere.ticketType(theirEvent, "GA", 1000, 100, 10).getString("id");
    elsewhere.publish(theirEvent);
    assertEquals(
        "INVALID",
        scan(door, codes(elsewhere, theirEvent, theirType, 1).get(0), "in").getString("outcome"),
        "another organiser's ticket, signed with its key");

    // a refunded ticket's code is voided
    JsonObject order = shop.created(shop.order(event, type, 1));
    shop.payWithTestGateway(order, true);
    String ticketId =
        shop.buyerView(order).getJsonArray("tickets").getJsonObject(0).getString("id");
    String refundedCode =
        shop.guest()
            .header("X-Order-Token", order.getString("accessToken"))
            .get("/api/v1/tickets/" + ticketId)
            .json()
            .getString("code");
    Api.Reply refund =
        shop.staff()
            .post(
                "/api/v1/orders/" + order.getString("id") + "/refunds",
                "{\"ticketIds\":[\"" + ticketId + "\"],\"reason\":\"cannot come\"}");
    assertEquals(201, refund.status(), refund.toString());
    assertEquals("VOIDED", scan(door, refundedCode, "in").getString("outcome"));

    // bad input: named fields, never a 500
    Api.Reply noNonce =
        door.post("/plugins/checkin/api/scan", "{\"code\":\"" + codes.get(2) + "\"}");
    assertEquals(400, noNonce.status(), noNonce.toString());
    assertEquals("nonce", noNonce.json().getString("field"));
    Api.Reply notJson = door.post("/plugins/checkin/api/scan", "{nope");
    assertEquals(400, notJson.status(), notJson.toString());
    Api.Reply badDirection =
        door.post(
            "/plugins/checkin/api/scan",
            "{\"code\":\"x\",\"nonce\":\"abcdefgh1\",\"direction\":\"sideways\"}");
    assertEquals("direction", badDirection.json().getString("field"));
    assertEquals(
        401, shop.guest().post("/plugins/checkin/api/scan", "{}").status(), "no credential");
  }

  @Test
  void theKitCarriesOtherNightsKeysOnlyWhenAskedAndStaffSeeEveryGate() {
    String token = device(shop, gate, "Phone for the kit");
    String later = shop.event("Kit night " + UUID.randomUUID()).getString("id");
    String laterType = shop.ticketType(later, "GA", 1000, 100, 10).getString("id");
    shop.publish(later);
    String laterGate = gate(shop, later, "Kit gate", 50);
    codes(shop, later, laterType, 1); // its signing key exists once it sells

    JsonObject plain = door(shop, token).get("/plugins/checkin/api/kit").json();
    assertTrue(!plain.containsKey("otherEvents"), "the 5-second refresh stays small");
    JsonObject full = door(shop, token).get("/plugins/checkin/api/kit?others=1").json();
    JsonObject other =
        full.getJsonArray("otherEvents").stream()
            .map(v -> v.asJsonObject())
            .filter(e -> e.getString("eventId").equals(later))
            .findFirst()
            .orElseThrow();
    assertTrue(!other.getJsonObject("keys").isEmpty(), "that night's public keys");
    assertTrue(
        full.getJsonArray("otherEvents").stream()
            .noneMatch(e -> e.asJsonObject().getString("eventId").equals(event)),
        "not its own event");

    // door staff signed in (here the owner's token) choose among every gate of every event
    var gates = shop.staff().get("/plugins/checkin/api/me").json().getJsonArray("gates");
    assertTrue(gates.stream().anyMatch(g -> g.asJsonObject().getString("gateId").equals(gate)));
    assertTrue(
        gates.stream()
            .anyMatch(
                g ->
                    g.asJsonObject().getString("gateId").equals(laterGate)
                        && g.asJsonObject().getString("eventId").equals(later)));
  }

  @Test
  void aRevokedDeviceAndAnotherTenantsDeviceAreRefused() {
    String token = device(shop, gate, "Phone to revoke");
    String id =
        shop
            .staff()
            .get("/plugins/checkin/api/admin/devices?e=" + event)
            .json()
            .getJsonArray("items")
            .stream()
            .map(v -> v.asJsonObject())
            .filter(d -> d.getString("name").equals("Phone to revoke"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    assertEquals(200, door(shop, token).get("/plugins/checkin/api/kit").status());
    assertEquals(
        200,
        shop.staff()
            .post("/plugins/checkin/api/admin/devices/revoke", "{\"deviceId\":\"" + id + "\"}")
            .status());
    Api.Reply revoked = door(shop, token).get("/plugins/checkin/api/kit");
    assertEquals(401, revoked.status(), revoked.toString());

    Shop other = Shop.open("door-other");
    assertEquals(404, other.guest().get("/plugins/checkin/api/kit").status(), "not enabled there");
    assertEquals(200, other.staff().post("/api/console/plugins/checkin/enable", "{}").status());
    String mine = device(shop, gate, "Phone 9");
    assertEquals(
        401, door(other, mine).get("/plugins/checkin/api/kit").status(), "A's device at B");
    assertEquals(
        400, other.guest().post("/plugins/checkin/api/claim", "{\"code\":\"ZZZZZZZZ\"}").status());
    assertEquals(
        401,
        shop.guest().get("/plugins/checkin/api/admin/gates?e=" + event).status(),
        "the admin API needs staff");
    JsonObject listed =
        shop.staff().get("/plugins/checkin/api/admin/gates?eventId=" + event).json();
    assertEquals(gate, listed.getJsonArray("items").getJsonObject(0).getString("id"));
    Api.Reply theirs = other.staff().get("/plugins/checkin/api/admin/gates?eventId=" + event);
    assertEquals(400, theirs.status(), "B cannot list A's gates");
    assertTrue(theirs.isProblem());
    assertEquals("eventId", theirs.json().getString("field"));
  }

  @Test
  void devicesBeyondTheIncludedThreeAreBilledOncePerMonth() {
    Shop s = Shop.open("door-devices");
    String e = s.event("Device night").getString("id");
    assertEquals(200, s.staff().post("/api/console/plugins/checkin/enable", "{}").status());
    String g = gate(s, e, "Side", 100);
    for (int i = 1; i <= 5; i++) {
      device(s, g, "Phone " + i);
    }
    assertEquals(
        2,
        Database.number(
            "SELECT coalesce(sum(u.quantity), 0) FROM platform.usage_record u JOIN platform.tenant t"
                + " ON t.id = u.tenant_id WHERE t.slug = ? AND u.unit = 'extra-device'",
            s.slug),
        "five devices, three included: two extra, each billed once");
  }

  @Test
  void twoDevicesRacingOnTheSameTicketsAdmitEachOnce() throws Exception {
    String g = gate(shop, event, "Race gate", 1000);
    Api a = door(shop, device(shop, g, "Racer A"));
    Api b = door(shop, device(shop, g, "Racer B"));
    List<String> codes = codes(shop, event, type, 60);
    long billed = usage(shop);
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> all = new ArrayList<>();
    for (String code : codes) {
      for (Api d : new Api[] {a, b}) {
        all.add(
            pool.submit(
                () -> outcomes.merge(scan(d, code, "in").getString("outcome"), 1, Integer::sum)));
      }
    }
    for (Future<?> f : all) {
      f.get();
    }
    pool.shutdown();
    assertEquals(60, outcomes.get("ADMITTED"), outcomes.toString());
    assertEquals(60, outcomes.get("ALREADY_USED"), outcomes.toString());
    assertEquals(billed + 60, usage(shop), "one scan unit per admission");
    // and the tenant's bill shows them: €0.01 per admission
    JsonObject month = shop.staff().get("/api/console/billing").json().getJsonObject("thisMonth");
    JsonObject scans =
        month.getJsonArray("lines").stream()
            .map(v -> v.asJsonObject())
            .filter(
                l ->
                    l.getString("kind").equals("usage")
                        && l.getString("pluginId").equals("checkin")
                        && l.getString("description").endsWith("× scan"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no check-in usage line in " + month));
    assertEquals(usage(shop), scans.getJsonNumber("quantity").longValue());
    assertEquals(usage(shop), scans.getJsonNumber("amountMinor").longValue(), "1 cent each");
  }

  static String upload(Api door, List<String> codes, Instant from, int stepMillis, String prefix) {
    JsonArrayBuilder scans = Json.createArrayBuilder();
    for (int i = 0; i < codes.size(); i++) {
      scans.add(
          Json.createObjectBuilder()
              .add("code", codes.get(i))
              .add("direction", "in")
              .add("nonce", prefix + "-" + i)
              .add("scannedAt", from.plusMillis((long) i * stepMillis).toString()));
    }
    Api.Reply r =
        door.post(
            "/plugins/checkin/api/sync",
            Json.createObjectBuilder().add("scans", scans).build().toString());
    assertEquals(200, r.status(), r.toString());
    return r.body();
  }

  @Test
  void offlineUploadsAreResolvedByTheEarliestScanAndCountOnce() {
    String g = gate(shop, event, "Offline gate", 1000);
    Api a = door(shop, device(shop, g, "Offline A"));
    Api b = door(shop, device(shop, g, "Offline B"));
    List<String> codes = codes(shop, event, type, 40);
    long billed = usage(shop);
    Instant t0 = Instant.now().minusSeconds(600);
    String run = UUID.randomUUID().toString().substring(0, 8);
    // A scanned all 40 from t0 on, one a second; B the same tickets, starting 20 s earlier,
    // so B was first for tickets 0..19 and A for 20..39. A uploads first.
    upload(a, codes, t0, 1000, "a-" + run);
    upload(b, codes, t0.minusSeconds(20), 2000, "b-" + run);
    String schema = shop.schema();
    assertEquals(
        40,
        Database.number(
            "SELECT count(*) FROM "
                + schema
                + ".plugin_checkin_presence p JOIN "
                + schema
                + ".plugin_checkin_scan s ON s.nonce = p.first_nonce WHERE s.gate_id = ?::uuid",
            UUID.fromString(g)),
        "exactly one admission per ticket");
    assertEquals(
        40,
        Database.number(
            "SELECT count(*) FROM "
                + schema
                + ".plugin_checkin_scan WHERE gate_id = ?::uuid AND duplicate",
            UUID.fromString(g)),
        "every later scan flagged");
    // B's scans of tickets 0..19 (t0-20s+2i s) are earlier than A's (t0+i s) for i < 20
    assertEquals(
        20,
        Database.number(
            "SELECT count(*) FROM "
                + schema
                + ".plugin_checkin_presence p JOIN "
                + schema
                + ".plugin_checkin_scan s ON s.nonce = p.first_nonce WHERE s.nonce LIKE ?",
            "b-" + run + "-%"),
        "the earliest scan wins, whoever uploaded first");
    assertEquals(billed + 40, usage(shop), "billed once per admission");

    // the same upload again: every scan is known, nothing changes, nothing is billed
    String again = upload(a, codes, t0, 1000, "a-" + run);
    assertTrue(again.contains("\"replayed\":true"), again);
    assertEquals(billed + 40, usage(shop));
    // a garbage scan in a batch is refused on its own, the rest go through
    String mixed =
        "{\"scans\":[{\"code\":\"x\",\"nonce\":\"short\"},{\"code\":\"garbage\",\"nonce\":\"garbage-"
            + run
            + "\",\"scannedAt\":\"2020-01-01T00:00:00Z\"}]}";
    Api.Reply m = a.post("/plugins/checkin/api/sync", mixed);
    assertEquals(200, m.status(), m.toString());
    assertTrue(m.body().contains("REJECTED") && m.body().contains("INVALID"), m.body());
  }

  /** The 5-minute slot a moment falls in, as the dashboard labels it in {@code zone}. */
  static String slot(Instant t, java.time.ZoneId zone) {
    Instant bin = Instant.ofEpochSecond(t.getEpochSecond() / 300 * 300);
    return java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(bin);
  }

  /**
   * The dashboard counts an admission in the slot it happened (an offline scan synced later counts
   * when it was scanned), shows empty slots as zero, and speaks the tenant's time zone.
   */
  @Test
  void theDashboardCountsAdmissionsWhenTheyHappenedInTheTenantsTime() {
    java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
    Shop s =
        Shop.open(
            "zone",
            "Zone " + UUID.randomUUID().toString().substring(0, 8),
            "INR",
            "en-IN",
            kolkata.getId(),
            "expo");
    String ev = s.event("Zone night").getString("id");
    String ty = s.ticketType(ev, "GA", 10, 3000, 10).getString("id");
    s.publish(ev);
    assertEquals(200, s.staff().post("/api/console/plugins/checkin/enable", "{}").status());
    Api door = door(s, device(s, gate(s, ev, "Zone gate", 100), "Zone phone"));
    List<String> codes = codes(s, ev, ty, 3);
    Instant offlineAt = Instant.now().minusSeconds(20 * 60);
    upload(door, codes.subList(0, 1), offlineAt, 0, "zone-" + UUID.randomUUID());
    Instant before = Instant.now();
    assertEquals("ADMITTED", scan(door, codes.get(1), "in").getString("outcome"));
    assertEquals("ADMITTED", scan(door, codes.get(2), "in").getString("outcome"));
    Instant after = Instant.now();

    JsonObject stats = s.staff().get("/plugins/checkin/api/stats?e=" + ev).json();
    List<JsonObject> rate = stats.getJsonArray("rate").getValuesAs(JsonObject.class);
    assertEquals(slot(offlineAt, kolkata), rate.get(0).getString("slot"), rate.toString());
    assertEquals(1, rate.get(0).getInt("admitted"), "the offline admission, when it happened");
    assertTrue(rate.size() >= 5, "every 5 minutes from then to now, empty ones too: " + rate);
    for (int i = 1; i < rate.size(); i++) {
      java.time.LocalTime prev = java.time.LocalTime.parse(rate.get(i - 1).getString("slot"));
      assertEquals(
          prev.plusMinutes(5).toString(), rate.get(i).getString("slot"), "consecutive slots");
    }
    int now =
        rate.stream()
            .filter(
                r ->
                    r.getString("slot").equals(slot(before, kolkata))
                        || r.getString("slot").equals(slot(after, kolkata)))
            .mapToInt(r -> r.getInt("admitted"))
            .sum();
    assertEquals(2, now, "the two online admissions, now: " + rate);
    assertEquals(3, rate.stream().mapToInt(r -> r.getInt("admitted")).sum());
    String offlineTime =
        java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(kolkata)
            .format(offlineAt);
    assertTrue(
        stats.getJsonArray("recent").getValuesAs(JsonObject.class).stream()
            .anyMatch(r -> r.getBoolean("offline") && r.getString("at").equals(offlineTime)),
        "the offline scan listed at its own time, in Kolkata: " + stats.getJsonArray("recent"));
  }

  @Test
  void payAtTheDoorIssuesAndAdmitsThroughTheLedger() {
    Api door = door(shop, device(shop, gate, "Counter phone"));
    JsonObject order = shop.created(shop.order(event, type, 2));
    JsonObject start =
        shop.created(
            shop.guest()
                .header("X-Order-Token", order.getString("accessToken"))
                .post(
                    "/api/v1/orders/" + order.getString("id") + "/payments",
                    "{\"provider\":\"counter\"}"));
    String code = start.getString("counterCode");
    JsonObject found = door.get("/plugins/checkin/api/reservation?code=" + code).json();
    assertEquals("pending", found.getString("status"));
    assertEquals(2, found.getInt("tickets"));
    Api.Reply badMethod =
        door.post(
            "/plugins/checkin/api/reservation/confirm",
            "{\"code\":\"" + code + "\",\"method\":\"iou\"}");
    assertEquals(400, badMethod.status());
    Api.Reply paid =
        door.post(
            "/plugins/checkin/api/reservation/confirm",
            "{\"code\":\"" + code + "\",\"method\":\"cash\"}");
    assertEquals(200, paid.status(), paid.toString());
    assertEquals(2, paid.json().getInt("admitted"));
    assertEquals("paid", shop.buyerView(order).getString("status"));
    assertEquals(
        found.getJsonNumber("totalMinor").longValue(),
        Database.number(
            "SELECT coalesce(sum(l.debit_minor), 0) FROM "
                + shop.schema()
                + ".journal_line l JOIN "
                + shop.schema()
                + ".journal_entry e ON e.id = l.entry_id WHERE e.order_id = ?::uuid"
                + " AND l.account_code = 'cash:door'",
            UUID.fromString(order.getString("id"))),
        "the cash is in the tenant's ledger");
    Api.Reply twice =
        door.post(
            "/plugins/checkin/api/reservation/confirm",
            "{\"code\":\"" + code + "\",\"method\":\"cash\"}");
    assertEquals(409, twice.status(), twice.toString());
  }
}
