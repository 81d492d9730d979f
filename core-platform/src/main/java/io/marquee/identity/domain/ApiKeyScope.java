package io.marquee.identity.domain;

import java.util.EnumSet;
import java.util.Set;

/** What an integrator's API key may do. Keys never manage the team or other keys. */
public enum ApiKeyScope {
  READ(EnumSet.of(Permission.VIEW_DASHBOARD, Permission.VIEW_AUDIT)),
  WRITE(EnumSet.of(Permission.VIEW_DASHBOARD, Permission.VIEW_AUDIT, Permission.MANAGE_BRANDING));

  private final Set<Permission> permissions;

  ApiKeyScope(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public boolean allows(Permission p) {
    return permissions.contains(p);
  }
}
