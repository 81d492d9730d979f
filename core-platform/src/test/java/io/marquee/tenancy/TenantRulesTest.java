package io.marquee.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marquee.common.problem.ProblemException;
import io.marquee.tenancy.application.TenantRules;
import io.marquee.tenancy.domain.Tenant;
import org.junit.jupiter.api.Test;

class TenantRulesTest {
  @Test
  void slugsAreLowerCaseUrlSafe() {
    assertEquals("night-scene", TenantRules.slug("night-scene"));
    for (String bad :
        new String[] {"NightScene", "a", "-x", "x-", "with space", "über", "1abc", ""}) {
      assertEquals(
          "slug", assertThrows(ProblemException.class, () -> TenantRules.slug(bad)).field(), bad);
    }
  }

  @Test
  void schemaNameIsDerivedFromTheSlug() {
    assertEquals("tenant_night_scene", Tenant.schemaOf("night-scene"));
  }

  @Test
  void currencyLocaleZoneAreValidated() {
    assertEquals("INR", TenantRules.currency("INR"));
    assertEquals(
        "currency",
        assertThrows(ProblemException.class, () -> TenantRules.currency("inr")).field());
    assertEquals(
        "currency",
        assertThrows(ProblemException.class, () -> TenantRules.currency("XYZ1")).field());
    assertEquals("id-ID", TenantRules.locale("id-ID"));
    assertEquals(
        "locale", assertThrows(ProblemException.class, () -> TenantRules.locale("!!")).field());
    assertEquals("Africa/Johannesburg", TenantRules.timeZone("Africa/Johannesburg"));
    assertEquals(
        "timeZone",
        assertThrows(ProblemException.class, () -> TenantRules.timeZone("UTC+25")).field());
  }

  @Test
  void hostsAndColours() {
    assertEquals("tickets.example.com", TenantRules.host("host", "Tickets.Example.com"));
    assertEquals(
        "host",
        assertThrows(ProblemException.class, () -> TenantRules.host("host", "bad_host")).field());
    assertEquals(
        "host",
        assertThrows(ProblemException.class, () -> TenantRules.host("host", "evil.com/path"))
            .field());
    assertEquals("#aabbcc", TenantRules.color("primaryColor", "#AABBCC"));
    assertNull(TenantRules.color("primaryColor", ""));
    assertEquals(
        "primaryColor",
        assertThrows(ProblemException.class, () -> TenantRules.color("primaryColor", "red"))
            .field());
  }
}
