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
    return "{\"slug\":\""
        + slug
        + "\",\"displayName\":\""
        + name
        + "\",\"currency\":\"EUR\",\"locale\":\"en-GB\",\"timeZone\":\"Europe/Amsterdam\",\"theme\":\"base\""
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
