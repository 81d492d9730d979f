package io.marquee.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.domain.ApiKeyScope;
import io.marquee.identity.domain.Permission;
import io.marquee.identity.domain.StaffPrincipal;
import io.marquee.identity.domain.StaffRole;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffRoleTest {
  @Test
  void ownersMayDoEverythingDoorStaffOnlyTheDashboard() {
    for (Permission p : Permission.values()) {
      assertTrue(StaffRole.OWNER.allows(p));
    }
    assertTrue(StaffRole.DOOR_STAFF.allows(Permission.VIEW_DASHBOARD));
    assertFalse(StaffRole.DOOR_STAFF.allows(Permission.VIEW_AUDIT));
    assertFalse(StaffRole.MANAGER.allows(Permission.MANAGE_API_KEYS));
    assertTrue(StaffRole.MANAGER.allows(Permission.MANAGE_BRANDING));
    assertFalse(StaffRole.FINANCE.allows(Permission.MANAGE_TEAM));
  }

  @Test
  void apiKeysNeverManageTeamOrKeys() {
    for (ApiKeyScope s : ApiKeyScope.values()) {
      assertFalse(s.allows(Permission.MANAGE_TEAM));
      assertFalse(s.allows(Permission.MANAGE_API_KEYS));
    }
    assertFalse(ApiKeyScope.READ.allows(Permission.MANAGE_BRANDING));
  }

  @Test
  void rolesParseFromUserInput() {
    assertEquals(StaffRole.DOOR_STAFF, StaffRole.parse("role", "door_staff"));
    assertEquals(
        "role",
        assertThrows(ProblemException.class, () -> StaffRole.parse("role", "admin")).field());
  }

  @Test
  void aRoleCountsOnlyWithOrganizationMembership() {
    StaffPrincipal p =
        new StaffPrincipal(
            "s",
            "a@b",
            "A",
            Set.of("alpha"),
            Map.of("alpha", StaffRole.OWNER, "beta", StaffRole.OWNER),
            false);
    assertEquals(StaffRole.OWNER, p.roleIn("alpha"));
    assertNull(p.roleIn("beta"), "a group alone, without organization membership, grants nothing");
  }
}
