package io.marquee.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Tenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
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
 * Two tenants, 32 threads mixing requests to both over every tenant-scoped endpoint: each sees only
 * its own rows, the other's ids answer 404 (including ids that the JPA cache has just seen), and
 * credentials do not cross.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantIsolationIT {
  static Side a;
  static Side b;

  /** One tenant of the pair, with its owner's token, an API key and audit ids. */
  record Side(
      String slug, String owner, String token, String apiKey, String keyId, List<Long> auditIds) {
    Api api() {
      return Api.host(Tenants.host(slug)).bearer(token);
    }
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void twoTenants() {
    String operator = Keycloak.operatorToken();
    a = side(operator, Tenants.uniqueSlug("iso-a"), 6);
    b = side(operator, Tenants.uniqueSlug("iso-b"), 1);
  }

  /** Provisions a tenant and writes {@code changes} audited changes, so its audit ids are known. */
  static Side side(String operator, String slug, int changes) {
    String owner = Keycloak.createUser("owner");
    Tenants.provision(operator, slug, owner);
    String token = Keycloak.token(owner, Keycloak.passwordOf(owner));
    Api api = Api.host(Tenants.host(slug)).bearer(token);
    Api.Reply key =
        api.post("/api/console/api-keys", "{\"name\":\"erp " + slug + "\",\"scope\":\"write\"}");
    assertEquals(201, key.status(), key.toString());
    for (int i = 1; i < changes; i++) {
      assertEquals(
          200, api.put("/api/console/branding", "{\"primaryColor\":\"#10203" + i + "\"}").status());
    }
    List<Long> ids = new ArrayList<>();
    for (JsonValue v : items(api, "/api/console/audit?limit=200")) {
      ids.add(v.asJsonObject().getJsonNumber("id").longValue());
    }
    assertEquals(changes, ids.size());
    return new Side(
        slug, owner, token, key.json().getString("key"), key.json().getString("id"), ids);
  }

  @Test
  void concurrentMixedRequestsSeeOnlyTheirOwnTenant() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        Side me = t % 2 == 0 ? a : b;
        Side other = me == a ? b : a;
        work.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 3; round++) {
                    checkSeesOnlyItself(me, other);
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static void checkSeesOnlyItself(Side me, Side other) {
    Api api = me.api();
    JsonObject brand = ok(api.get("/api/console/branding"), "branding");
    assertEquals(me.slug(), brand.getString("tenant"));
    for (JsonValue v : items(api, "/api/console/audit?limit=200")) {
      assertEquals(me.owner(), v.asJsonObject().getString("actor"));
    }
    for (JsonValue v : items(api, "/api/console/api-keys")) {
      assertTrue(v.asJsonObject().getString("name").endsWith(me.slug()), v.toString());
    }
    List<String> team =
        items(api, "/api/console/team").stream()
            .map(v -> v.asJsonObject().getString("email"))
            .toList();
    assertEquals(List.of(me.owner()), team);
    assertEquals(
        List.of(Tenants.host(me.slug())),
        items(api, "/api/console/domains").stream()
            .map(v -> ((jakarta.json.JsonString) v).getString())
            .toList());
    // Own audit entries by id (this warms any cache), then the other tenant's ids that do not exist
    // here.
    for (long id : me.auditIds()) {
      Api.Reply own = api.get("/api/console/audit/" + id);
      assertEquals(200, own.status());
      assertEquals(me.owner(), own.json().getString("actor"));
    }
    for (long id : other.auditIds()) {
      if (!me.auditIds().contains(id)) {
        assertEquals(
            404,
            api.get("/api/console/audit/" + id).status(),
            "saw " + other.slug() + "'s audit " + id);
      }
    }
    assertEquals(404, api.delete("/api/console/api-keys/" + other.keyId()).status());
    // The other tenant's staff token and API key do not work here.
    assertEquals(
        403,
        Api.host(Tenants.host(me.slug()))
            .bearer(other.token())
            .get("/api/console/branding")
            .status());
    assertEquals(
        401,
        Api.host(Tenants.host(me.slug()))
            .apiKey(other.apiKey())
            .get("/api/console/branding")
            .status());
    // The own API key does.
    assertEquals(
        me.slug(),
        Api.host(Tenants.host(me.slug()))
            .apiKey(me.apiKey())
            .get("/api/console/branding")
            .json()
            .getString("tenant"));
  }

  /** A reply's JSON, after checking it is a 200 (the failure names the call and shows the body). */
  static JsonObject ok(Api.Reply reply, String what) {
    assertEquals(200, reply.status(), what + ": " + reply);
    return reply.json();
  }

  static jakarta.json.JsonArray items(Api api, String path) {
    return ok(api.get(path), "GET " + path).getJsonArray("items");
  }

  /** One tenant's commerce objects, created through its own API. */
  record Shop(
      Side side,
      String venue,
      String event,
      String type,
      String order,
      String token,
      String ticket,
      String code,
      String organiser,
      String organiserSlug) {}

  static Shop shop(Side s) {
    Api api = s.api();
    String venue =
        api.post("/api/v1/venues", "{\"name\":\"Hall " + s.slug() + "\"}").json().getString("id");
    String starts = java.time.Instant.now().plus(java.time.Duration.ofDays(20)).toString();
    String event =
        api.post(
                "/api/v1/events",
                "{\"title\":\"Show "
                    + s.slug()
                    + "\",\"startsAt\":\""
                    + starts
                    + "\",\"venueId\":\""
                    + venue
                    + "\"}")
            .json()
            .getString("id");
    String type =
        api.post(
                "/api/v1/events/" + event + "/ticket-types",
                "{\"name\":\"GA\",\"priceMinor\":1000,\"capacity\":50}")
            .json()
            .getString("id");
    assertEquals(200, api.post("/api/v1/events/" + event + "/publish", "{}").status());
    JsonObject order =
        Api.host(Tenants.host(s.slug()))
            .post(
                "/api/v1/orders",
                "{\"eventId\":\""
                    + event
                    + "\",\"items\":[{\"ticketTypeId\":\""
                    + type
                    + "\",\"quantity\":1}],\"buyer\":{\"name\":\"B\",\"email\":\"b@example.com\"}}")
            .json();
    String token = order.getString("accessToken");
    Api buyer = Api.host(Tenants.host(s.slug())).header("X-Order-Token", token);
    String page =
        buyer
            .post(
                "/api/v1/orders/" + order.getString("id") + "/payments", "{\"provider\":\"test\"}")
            .json()
            .getString("redirectUrl");
    Api.host(Tenants.host(s.slug()))
        .send("POST", page, "outcome=succeed", "application/x-www-form-urlencoded");
    JsonObject paid = buyer.get("/api/v1/orders/" + order.getString("id")).json();
    assertEquals("paid", paid.getString("status"));
    String ticket = paid.getJsonArray("tickets").getJsonObject(0).getString("id");
    String code = buyer.get("/api/v1/tickets/" + ticket).json().getString("code");
    JsonObject org =
        api.post("/api/v1/organisers", "{\"name\":\"Promoter " + s.slug() + "\"}").json();
    assertEquals(
        200,
        api.put("/api/v1/events/" + event, "{\"organiserId\":\"" + org.getString("id") + "\"}")
            .status());
    return new Shop(
        s,
        venue,
        event,
        type,
        order.getString("id"),
        token,
        ticket,
        code,
        org.getString("id"),
        org.getString("slug"));
  }

  @Test
  void commerceDataStaysWithinItsTenant() throws Exception {
    Shop sa = shop(a);
    Shop sb = shop(b);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        Shop me = t % 2 == 0 ? sa : sb;
        Shop other = me == sa ? sb : sa;
        work.add(
            pool.submit(
                () -> {
                  checkCommerceIsolation(me, other);
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static void checkCommerceIsolation(Shop me, Shop other) {
    Api api = me.side().api();
    Api guest = Api.host(Tenants.host(me.side().slug()));
    // Lists hold only own rows.
    assertEquals(List.of(me.venue()), ids(api.get("/api/v1/venues").json()));
    assertEquals(List.of(me.organiser()), ids(api.get("/api/v1/organisers").json()));
    assertEquals(
        404, api.put("/api/v1/organisers/" + other.organiser(), "{\"name\":\"x\"}").status());
    assertEquals(404, guest.get("/organiser.xhtml?o=" + other.organiserSlug()).status());
    assertEquals(200, guest.get("/organiser.xhtml?o=" + me.organiserSlug()).status());
    assertEquals(404, guest.get("/venue.xhtml?v=" + other.venue()).status());
    assertEquals(
        404, guest.get("/order.xhtml?id=" + other.order() + "&token=" + other.token()).status());
    assertEquals(0, api.get("/api/v1/refund-requests").json().getJsonArray("items").size());
    assertEquals(List.of(me.event()), ids(api.get("/api/v1/events").json()));
    assertEquals(List.of(me.event()), ids(guest.get("/api/v1/public/events").json()));
    assertEquals(List.of(me.order()), ids(api.get("/api/v1/orders").json()));
    for (JsonValue acc : api.get("/api/v1/ledger/trial-balance").json().getJsonArray("accounts")) {
      String code = acc.asJsonObject().getString("code");
      assertTrue(!code.contains(other.event()), "saw " + code);
    }
    assertEquals(1, api.get("/api/v1/reports/sales").json().getJsonArray("items").size());
    // The other tenant's ids do not exist here, whoever asks.
    assertEquals(404, api.get("/api/v1/events/" + other.event()).status());
    assertEquals(404, api.put("/api/v1/venues/" + other.venue(), "{\"name\":\"x\"}").status());
    assertEquals(404, api.put("/api/v1/ticket-types/" + other.type(), "{\"capacity\":1}").status());
    assertEquals(404, api.post("/api/v1/events/" + other.event() + "/publish", "{}").status());
    assertEquals(
        404,
        api.post(
                "/api/v1/events/" + other.event() + "/ticket-types",
                "{\"name\":\"x\",\"priceMinor\":1,\"capacity\":1}")
            .status());
    assertEquals(404, api.get("/api/v1/orders/" + other.order()).status());
    assertEquals(404, api.post("/api/v1/orders/" + other.order() + "/refunds", "{}").status());
    assertEquals(404, api.post("/api/v1/orders/" + other.order() + "/cancel", "{}").status());
    assertEquals(404, api.get("/api/v1/tickets/" + other.ticket()).status());
    assertEquals(404, api.get("/api/v1/reports/events/" + other.event() + "/settlement").status());
    assertEquals(404, guest.get("/api/v1/public/events/" + other.event()).status());
    assertEquals(404, guest.get("/api/v1/public/events/" + other.event() + "/keys").status());
    assertEquals(
        404,
        guest
            .header("X-Order-Token", other.token())
            .get("/api/v1/orders/" + other.order())
            .status());
    assertEquals(
        400,
        guest
            .post(
                "/api/v1/orders",
                "{\"eventId\":\""
                    + other.event()
                    + "\",\"items\":[{\"ticketTypeId\":\""
                    + other.type()
                    + "\",\"quantity\":1}],\"buyer\":{\"name\":\"B\",\"email\":\"b@example.com\"}}")
            .status());
    // The other tenant's ticket code is not valid at this tenant's door.
    JsonObject v =
        api.post("/api/v1/events/" + me.event() + "/verify", "{\"code\":\"" + other.code() + "\"}")
            .json();
    assertTrue(!v.getBoolean("valid"), v.toString());
    // The other tenant's staff token and API key cannot read this tenant's orders.
    assertEquals(403, guest.bearer(other.side().token()).get("/api/v1/orders").status());
    assertEquals(
        401,
        Api.host(Tenants.host(me.side().slug()))
            .apiKey(other.side().apiKey())
            .get("/api/v1/orders")
            .status());
    assertEquals(
        List.of(me.order()),
        ids(
            Api.host(Tenants.host(me.side().slug()))
                .apiKey(me.side().apiKey())
                .get("/api/v1/orders")
                .json()));
  }

  static List<String> ids(JsonObject list) {
    return list.getJsonArray("items").stream()
        .map(x -> x.asJsonObject().getString(x.asJsonObject().containsKey("id") ? "id" : "eventId"))
        .toList();
  }

  @Test
  void sharedCacheNeverServesAnotherTenantsRow() {
    long onlyInA = a.auditIds().stream().mapToLong(Long::longValue).max().orElseThrow();
    // Read A's entry on A (EclipseLink would put it in its shared cache), then ask B for the same
    // id.
    assertEquals(200, a.api().get("/api/console/audit/" + onlyInA).status());
    Api.Reply onB = b.api().get("/api/console/audit/" + onlyInA);
    assertEquals(404, onB.status(), onB.toString());
    assertTrue(onB.isProblem());
  }
}
