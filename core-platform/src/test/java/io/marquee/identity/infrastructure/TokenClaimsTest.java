package io.marquee.identity.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.marquee.identity.domain.StaffPrincipal;
import io.marquee.identity.domain.StaffRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {
  @Test
  void readsOrganizationsRolesAndOperatorFlag() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("u1")
            .claim("email", "o@x.test")
            .claim("organization", List.of("alpha"))
            .claim(
                "groups",
                List.of(
                    "/tenants/alpha/viewer",
                    "/tenants/alpha/manager",
                    "/tenants/beta/owner",
                    "/other"))
            .claim("realm_access", Map.of("roles", List.of("platform-operator")))
            .build();
    StaffPrincipal p = TokenVerifier.principal(claims);
    assertEquals(StaffRole.MANAGER, p.roleIn("alpha"), "the most powerful of several roles");
    assertEquals(null, p.roleIn("beta"));
    assertTrue(p.operator());
  }

  @Test
  void organizationClaimMayBeAMapOfAliases() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("u")
            .claim("organization", Map.of("alpha", Map.of()))
            .build();
    StaffPrincipal p = TokenVerifier.principal(claims);
    assertTrue(p.organizations().contains("alpha"));
    assertFalse(p.operator());
  }
}
