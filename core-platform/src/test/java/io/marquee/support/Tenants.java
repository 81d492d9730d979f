package io.marquee.support;

import java.util.UUID;

/**
 * Tenant fixtures: each test provisions its own tenants with unique slugs through the operator API.
 */
public final class Tenants {
  private Tenants() {}

  public static String uniqueSlug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String request(String slug, String name, String ownerEmail) {
    return request(slug, name, ownerEmail, "EUR", "en-GB", "Europe/Amsterdam", "base");
  }

  public static String request(
      String slug,
      String name,
      String ownerEmail,
      String currency,
      String locale,
      String zone,
      String theme) {
    return "{\"slug\":\""
        + slug
        + "\",\"displayName\":\""
        + name
        + "\",\"currency\":\""
        + currency
        + "\",\"locale\":\""
        + locale
        + "\",\"timeZone\":\""
        + zone
        + "\",\"theme\":\""
        + theme
        + "\""
        + (ownerEmail == null
            ? ""
            : ",\"staff\":[{\"email\":\"" + ownerEmail + "\",\"role\":\"owner\"}]")
        + "}";
  }

  /** Provisions a tenant with one owner; fails the test if the platform refuses. */
  public static Api.Reply provision(String operatorToken, String slug, String ownerEmail) {
    Api.Reply r =
        Api.platform()
            .bearer(operatorToken)
            .post("/api/platform/tenants", request(slug, "Tenant " + slug, ownerEmail));
    if (r.status() != 201 && r.status() != 200) {
      throw new IllegalStateException("provisioning " + slug + " failed: " + r);
    }
    return r;
  }

  public static String host(String slug) {
    return slug + ".localhost";
  }
}
