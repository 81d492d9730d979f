package io.marquee.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A freshly provisioned tenant with an owner's token, and shortcuts to set up what commerce tests
 * need through the public API (never through the database).
 */
public final class Shop {
  public final String slug;
  public final String ownerToken;

  public Shop(String slug, String ownerToken) {
    this.slug = slug;
    this.ownerToken = ownerToken;
  }

  public static Shop open(String prefix) {
    String slug = Tenants.uniqueSlug(prefix);
    String owner = Keycloak.createUser("owner");
    Tenants.provision(Keycloak.operatorToken(), slug, owner);
    return new Shop(slug, Keycloak.token(owner, Keycloak.passwordOf(owner)));
  }

  /** A tenant with its own currency, language, zone and theme (e.g. IDR, id-ID, expo). */
  public static Shop open(
      String prefix, String name, String currency, String locale, String zone, String theme) {
    String slug = Tenants.uniqueSlug(prefix);
    String owner = Keycloak.createUser("owner");
    Api.Reply r =
        Api.platform()
            .bearer(Keycloak.operatorToken())
            .post(
                "/api/platform/tenants",
                Tenants.request(slug, name, owner, currency, locale, zone, theme));
    if (r.status() != 201) {
      throw new IllegalStateException("provisioning " + slug + " failed: " + r);
    }
    return new Shop(slug, Keycloak.token(owner, Keycloak.passwordOf(owner)));
  }

  public String schema() {
    return "tenant_" + slug.replace('-', '_');
  }

  /** The owner, calling the tenant's API. */
  public Api staff() {
    return Api.host(Tenants.host(slug)).bearer(ownerToken);
  }

  /** A guest buyer on the tenant's site. */
  public Api guest() {
    return Api.host(Tenants.host(slug));
  }

  public JsonObject created(Api.Reply r) {
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  /** A draft event starting in 30 days. */
  public JsonObject event(String title) {
    String starts =
        Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    return created(
        staff()
            .post(
                "/api/v1/events",
                "{\"title\":\""
                    + title
                    + "\",\"startsAt\":\""
                    + starts
                    + "\",\"category\":\"music\"}"));
  }

  public JsonObject ticketType(String eventId, String name, long price, int capacity, int max) {
    return created(
        staff()
            .post(
                "/api/v1/events/" + eventId + "/ticket-types",
                "{\"name\":\""
                    + name
                    + "\",\"priceMinor\":"
                    + price
                    + ",\"capacity\":"
                    + capacity
                    + ",\"maxPerOrder\":"
                    + max
                    + "}"));
  }

  public void publish(String eventId) {
    Api.Reply r = staff().post("/api/v1/events/" + eventId + "/publish", "{}");
    assertEquals(200, r.status(), r.toString());
  }

  /** Places a guest order for {@code quantity} tickets of one type; returns the raw reply. */
  public Api.Reply order(String eventId, String typeId, int quantity) {
    return guest()
        .post(
            "/api/v1/orders",
            "{\"eventId\":\""
                + eventId
                + "\",\"items\":[{\"ticketTypeId\":\""
                + typeId
                + "\",\"quantity\":"
                + quantity
                + "}],\"buyer\":{\"name\":\"Ada Buyer\",\"email\":\"ada@example.com\"}}");
  }

  /** Pays an order through the test gateway's hosted page, as a buyer's browser would. */
  public Api.Reply payWithTestGateway(JsonObject order, boolean succeed) {
    Api buyer = guest().header("X-Order-Token", order.getString("accessToken"));
    Api.Reply start =
        buyer.post(
            "/api/v1/orders/" + order.getString("id") + "/payments", "{\"provider\":\"test\"}");
    assertEquals(201, start.status(), start.toString());
    String page = start.json().getString("redirectUrl");
    return guest()
        .send(
            "POST",
            page,
            "outcome=" + (succeed ? "succeed" : "fail"),
            "application/x-www-form-urlencoded");
  }

  public JsonObject buyerView(JsonObject order) {
    return guest()
        .header("X-Order-Token", order.getString("accessToken"))
        .get("/api/v1/orders/" + order.getString("id"))
        .json();
  }
}
