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
    for (JsonValue v : api.get("/api/console/audit?limit=200").json().getJsonArray("items")) {
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
    JsonObject brand = api.get("/api/console/branding").json();
    assertEquals(me.slug(), brand.getString("tenant"));
    for (JsonValue v : api.get("/api/console/audit?limit=200").json().getJsonArray("items")) {
      assertEquals(me.owner(), v.asJsonObject().getString("actor"));
    }
    for (JsonValue v : api.get("/api/console/api-keys").json().getJsonArray("items")) {
      assertTrue(v.asJsonObject().getString("name").endsWith(me.slug()), v.toString());
    }
    List<String> team =
        api.get("/api/console/team").json().getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getString("email"))
            .toList();
    assertEquals(List.of(me.owner()), team);
    assertEquals(
        List.of(Tenants.host(me.slug())),
        api.get("/api/console/domains").json().getJsonArray("items").stream()
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
