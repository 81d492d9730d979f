package io.marquee.identity.application;

import io.marquee.identity.domain.StaffRole;
import io.marquee.identity.infrastructure.KeycloakTenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's identity objects in Keycloak, created idempotently at provisioning and removed on
 * clean-up.
 */
@ApplicationScoped
public class TenantIdentityService {
  @Inject KeycloakTenants keycloak;

  /** Ensures groups, login client and organization exist; returns the organization id. */
  public String ensureTenant(String slug, String displayName, List<String> baseUrls) {
    for (StaffRole role : StaffRole.values()) {
      keycloak.ensureRoleGroup(slug, role);
    }
    Optional<String> org = keycloak.findOrganization(slug);
    String orgId =
        org.orElseGet(() -> keycloak.createOrganization(slug, displayName, baseUrls.get(0)));
    keycloak.ensureClient(slug, displayName, baseUrls);
    return orgId;
  }

  public void updateTenantUrls(String slug, List<String> baseUrls) {
    keycloak.ensureClient(slug, null, baseUrls);
  }

  public void deleteTenant(String slug) {
    keycloak.findOrganization(slug).ifPresent(keycloak::deleteOrganization);
    keycloak.deleteClient(slug);
    keycloak.deleteTenantGroups(slug);
  }

  /**
   * Adds a person to the tenant with a role, creating their Keycloak account if needed. Returns the
   * temporary password of a newly created account (to be shown once), or empty when the account
   * existed.
   */
  public Optional<String> addExistingOrNewStaff(
      String slug, String orgId, String email, StaffRole role) {
    String normalized = email.strip().toLowerCase(java.util.Locale.ROOT);
    Optional<String> temporary = Optional.empty();
    String userId;
    var existing = keycloak.findUserByEmail(normalized);
    if (existing.isPresent()) {
      userId = existing.get().getString("id");
    } else {
      String password = temporaryPassword();
      userId = keycloak.createUser(normalized, password);
      temporary = Optional.of(password);
    }
    keycloak.addMember(orgId, userId);
    setRole(slug, userId, role);
    return temporary;
  }

  /** Makes {@code role} the person's only role in this tenant. */
  public void setRole(String slug, String userId, StaffRole role) {
    for (StaffRole r : StaffRole.values()) {
      String group = keycloak.ensureRoleGroup(slug, r);
      if (r == role) {
        keycloak.joinGroup(userId, group);
      } else {
        keycloak.leaveGroup(userId, group);
      }
    }
  }

  private static String temporaryPassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
