package io.marquee.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Database;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Tenants;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Provisioning through the operator API against the real server, PostgreSQL and Keycloak. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantProvisioningIT {
  static String operator;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void tokens() {
    operator = Keycloak.operatorToken();
  }

  @Test
  void sameRequestTwiceMakesOneTenant() {
    String slug = Tenants.uniqueSlug("idem");
    String owner = Keycloak.createUser("owner");
    Api.Reply first =
        Api.platform()
            .bearer(operator)
            .post("/api/platform/tenants", Tenants.request(slug, "Idem " + slug, owner));
    Api.Reply second =
        Api.platform()
            .bearer(operator)
            .post("/api/platform/tenants", Tenants.request(slug, "Idem " + slug, owner));
    assertEquals(201, first.status(), first.toString());
    assertEquals(200, second.status(), second.toString());
    assertEquals(first.json().getString("id"), second.json().getString("id"));
    assertEquals("ACTIVE", second.json().getString("status"));
    assertEquals(1, Keycloak.organizationsWithAlias(slug));
    assertEquals(1, Keycloak.clientsWithId("tenant-" + slug));
    assertTrue(Database.schemaExists("tenant_" + slug.replace('-', '_')));
    // The new tenant answers on its own domain with its own name.
    Api.Reply home = Api.host(Tenants.host(slug)).get("/");
    assertEquals(200, home.status());
    assertTrue(home.body().contains("Idem " + slug));
  }

  @Test
  void sameSlugWithOtherAttributesIsAConflict() {
    String slug = Tenants.uniqueSlug("dup");
    Tenants.provision(operator, slug, null);
    Api.Reply r =
        Api.platform()
            .bearer(operator)
            .post("/api/platform/tenants", Tenants.request(slug, "Someone else", null));
    assertProblem(r, 409, "slug");
  }

  @Test
  void aDomainBelongsToOneTenant() {
    String a = Tenants.uniqueSlug("doma");
    String b = Tenants.uniqueSlug("domb");
    Tenants.provision(operator, a, null);
    Tenants.provision(operator, b, null);
    Api.Reply taken =
        Api.platform()
            .bearer(operator)
            .post("/api/platform/tenants/" + b + "/domains", "{\"host\":\"" + a + ".localhost\"}");
    assertProblem(taken, 409, "host");
    Api.Reply added =
        Api.platform()
            .bearer(operator)
            .post(
                "/api/platform/tenants/" + b + "/domains", "{\"host\":\"tickets." + b + ".test\"}");
    assertEquals(200, added.status(), added.toString());
    assertEquals(200, Api.host("tickets." + b + ".test").get("/").status());
    Api.Reply removed =
        Api.platform()
            .bearer(operator)
            .delete("/api/platform/tenants/" + b + "/domains/tickets." + b + ".test");
    assertEquals(200, removed.status(), removed.toString());
    assertEquals(404, Api.host("tickets." + b + ".test").get("/").status());
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertProblem(
        post(
            "{\"slug\":\"Bad Slug!\",\"displayName\":\"x\",\"currency\":\"EUR\",\"locale\":\"en\",\"timeZone\":\"Europe/Paris\"}"),
        400,
        "slug");
    assertProblem(
        post(Tenants.request(Tenants.uniqueSlug("cur"), "x", null).replace("EUR", "EURO")),
        400,
        "currency");
    assertProblem(
        post(
            Tenants.request(Tenants.uniqueSlug("tz"), "x", null)
                .replace("Europe/Amsterdam", "Mars/Olympus")),
        400,
        "timeZone");
    assertProblem(
        post(Tenants.request(Tenants.uniqueSlug("th"), "x", null).replace("\"base\"", "\"nope\"")),
        400,
        "theme");
    assertProblem(post("{\"slug\":"), 400, "body");
  }

  @Test
  void failureMidwayLeavesNothingBehindAndARetrySucceeds() {
    String slug = Tenants.uniqueSlug("fail");
    String name = "Blocked " + slug;
    // An identity organization with the same name makes provisioning fail after the schema was
    // created.
    String blocker = Keycloak.createOrganization(name, "blocker-" + slug);
    try {
      Api.Reply r =
          Api.platform()
              .bearer(operator)
              .post("/api/platform/tenants", Tenants.request(slug, name, null));
      assertProblem(r, 409, "displayName");
      assertEquals(
          404, Api.platform().bearer(operator).get("/api/platform/tenants/" + slug).status());
      assertFalse(
          Database.schemaExists("tenant_" + slug.replace('-', '_')), "orphan schema left behind");
      assertEquals(0, Keycloak.organizationsWithAlias(slug));
      assertEquals(0, Keycloak.clientsWithId("tenant-" + slug));
      assertEquals(404, Api.host(Tenants.host(slug)).get("/").status());
    } finally {
      Keycloak.deleteOrganization(blocker);
    }
    Api.Reply retry =
        Api.platform()
            .bearer(operator)
            .post("/api/platform/tenants", Tenants.request(slug, name, null));
    assertEquals(201, retry.status(), retry.toString());
  }

  @Test
  void suspendedTenantIsRefusedButKeepsItsData() {
    String slug = Tenants.uniqueSlug("susp");
    Tenants.provision(operator, slug, null);
    assertEquals(
        200,
        Api.platform()
            .bearer(operator)
            .post("/api/platform/tenants/" + slug + "/suspend", "")
            .status());
    Api.Reply page = Api.host(Tenants.host(slug)).get("/");
    assertEquals(503, page.status());
    Api.Reply api = Api.host(Tenants.host(slug)).get("/api/console/branding");
    assertEquals(503, api.status());
    assertTrue(api.isProblem());
    assertEquals(
        200,
        Api.platform()
            .bearer(operator)
            .post("/api/platform/tenants/" + slug + "/resume", "")
            .status());
    Api.Reply back = Api.host(Tenants.host(slug)).get("/");
    assertEquals(200, back.status());
    assertTrue(back.body().contains("Tenant " + slug));
  }

  @Test
  void logLinesWrittenDuringARequestNameTheTenant() throws Exception {
    String slug = Tenants.uniqueSlug("logs");
    Tenants.provision(operator, slug, null);
    String marker = "/missing-" + slug;
    assertEquals(404, Api.host(Tenants.host(slug)).get(marker).status());
    java.nio.file.Path log =
        java.nio.file.Path.of(
            System.getProperty("marquee.it.wlpHome"), "usr/servers/itServer/logs/messages.log");
    boolean found = false;
    for (int i = 0; i < 20 && !found; i++) {
      found =
          java.nio.file.Files.readAllLines(log).stream()
              .anyMatch(l -> l.contains(marker) && l.contains("tenant=" + slug));
      if (!found) {
        Thread.sleep(250);
      }
    }
    assertTrue(
        found, "the container's 'file not found' line for " + marker + " names tenant " + slug);
  }

  @Test
  void unknownHostIsA404NeverAnotherTenant() {
    Api.Reply page = Api.host("nobody-here.localhost").get("/");
    assertEquals(404, page.status());
    Api.Reply api = Api.host("nobody-here.localhost").get("/api/console/branding");
    assertEquals(404, api.status());
    assertTrue(api.isProblem());
  }

  @Test
  void onlyOperatorsMayProvision() {
    assertEquals(401, post(Tenants.request(Tenants.uniqueSlug("anon"), "x", null), null).status());
    String staff = Keycloak.createUser("staff");
    String token = Keycloak.token(staff, Keycloak.passwordOf(staff));
    assertProblem(post(Tenants.request(Tenants.uniqueSlug("staff"), "x", null), token), 403, null);
  }

  private static Api.Reply post(String body) {
    return post(body, operator);
  }

  private static Api.Reply post(String body, String token) {
    Api api = Api.platform();
    if (token != null) {
      api.bearer(token);
    }
    return api.post("/api/platform/tenants", body);
  }

  static void assertProblem(Api.Reply r, int status, String field) {
    assertEquals(status, r.status(), r.toString());
    assertTrue(r.isProblem(), "expected problem+json: " + r.contentType());
    if (field != null) {
      assertEquals(field, r.json().getString("field", null), r.toString());
    }
  }
}
