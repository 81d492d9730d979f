package io.marquee.identity.domain;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * A person signed in through Keycloak, as read from a verified access token: the organizations
 * (tenant slugs) they belong to, their role per tenant, and whether they are a platform operator.
 */
public record StaffPrincipal(
    String subject,
    String email,
    String name,
    Set<String> organizations,
    Map<String, StaffRole> roles,
    boolean operator)
    implements Serializable {

  /**
   * The role in a tenant, only if the token shows both organization membership and a role group.
   */
  public StaffRole roleIn(String tenantSlug) {
    return organizations.contains(tenantSlug) ? roles.get(tenantSlug) : null;
  }
}
