package io.marquee.identity.domain;

import java.util.EnumSet;
import java.util.Set;

/** What an integrator's API key may do. Keys never manage the team or other keys. */
public enum ApiKeyScope {
  READ(
      EnumSet.of(
          Permission.VIEW_DASHBOARD,
          Permission.VIEW_AUDIT,
          Permission.VIEW_EVENTS,
          Permission.VIEW_ORDERS,
          Permission.VIEW_REPORTS)),
  WRITE(
      EnumSet.of(
          Permission.VIEW_DASHBOARD,
          Permission.VIEW_AUDIT,
          Permission.MANAGE_BRANDING,
          Permission.VIEW_EVENTS,
          Permission.MANAGE_EVENTS,
          Permission.VIEW_ORDERS,
          Permission.MANAGE_ORDERS,
          Permission.REFUND_ORDERS,
          Permission.VIEW_REPORTS));

  private final Set<Permission> permissions;

  ApiKeyScope(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public boolean allows(Permission p) {
    return permissions.contains(p);
  }
}
