package io.marquee.identity.domain;

import io.marquee.common.problem.ProblemException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A staff member's role within one tenant. In Keycloak a role is membership of the group {@code
 * /tenants/<slug>/<role name>}; membership of the tenant's organization is required as well.
 */
public enum StaffRole {
  OWNER("owner", EnumSet.allOf(Permission.class)),
  MANAGER(
      "manager",
      EnumSet.of(
          Permission.VIEW_DASHBOARD,
          Permission.VIEW_AUDIT,
          Permission.VIEW_TEAM,
          Permission.MANAGE_BRANDING,
          Permission.VIEW_EVENTS,
          Permission.MANAGE_EVENTS,
          Permission.VIEW_ORDERS,
          Permission.MANAGE_ORDERS,
          Permission.REFUND_ORDERS,
          Permission.CONFIRM_AT_DOOR,
          Permission.VIEW_REPORTS)),
  FINANCE(
      "finance",
      EnumSet.of(
          Permission.VIEW_DASHBOARD,
          Permission.VIEW_AUDIT,
          Permission.VIEW_TEAM,
          Permission.VIEW_EVENTS,
          Permission.VIEW_ORDERS,
          Permission.REFUND_ORDERS,
          Permission.VIEW_REPORTS,
          Permission.MANAGE_PLUGINS)),
  DOOR_STAFF(
      "door-staff",
      EnumSet.of(
          Permission.VIEW_DASHBOARD,
          Permission.VIEW_EVENTS,
          Permission.VIEW_ORDERS,
          Permission.CONFIRM_AT_DOOR)),
  VIEWER(
      "viewer",
      EnumSet.of(
          Permission.VIEW_DASHBOARD,
          Permission.VIEW_TEAM,
          Permission.VIEW_EVENTS,
          Permission.VIEW_ORDERS,
          Permission.VIEW_REPORTS));

  private final String groupName;
  private final Set<Permission> permissions;

  StaffRole(String groupName, Set<Permission> permissions) {
    this.groupName = groupName;
    this.permissions = permissions;
  }

  public String groupName() {
    return groupName;
  }

  public boolean allows(Permission p) {
    return permissions.contains(p);
  }

  public static StaffRole fromGroupName(String name) {
    for (StaffRole r : values()) {
      if (r.groupName.equals(name)) {
        return r;
      }
    }
    return null;
  }

  /**
   * Parses a role name as given by a user ("owner", "door-staff"...), naming {@code field} when
   * invalid.
   */
  public static StaffRole parse(String field, String value) {
    StaffRole r =
        value == null ? null : fromGroupName(value.toLowerCase(Locale.ROOT).replace('_', '-'));
    if (r == null) {
      throw ProblemException.invalid(
          field, "role must be one of owner, manager, finance, door-staff, viewer");
    }
    return r;
  }
}
