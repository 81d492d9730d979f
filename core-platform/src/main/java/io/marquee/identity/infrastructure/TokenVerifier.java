package io.marquee.identity.infrastructure;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.marquee.identity.domain.StaffPrincipal;
import io.marquee.identity.domain.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies Keycloak access tokens completely: RS256 signature against the realm's published keys,
 * issuer, audience, expiry and required claims. Anything else is rejected.
 */
@ApplicationScoped
public class TokenVerifier {
  public static final String OPERATOR_ROLE = "platform-operator";
  private static final String GROUP_PREFIX = "/tenants/";

  @Inject KeycloakSettings keycloak;

  private volatile DefaultJWTProcessor<SecurityContext> processor;

  /** Thrown for any token that must not be accepted. */
  public static class InvalidToken extends Exception {
    public InvalidToken(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public StaffPrincipal verify(String token) throws InvalidToken {
    JWTClaimsSet claims;
    try {
      claims = processor().process(token, null);
    } catch (Exception e) {
      throw new InvalidToken("token rejected: " + e.getMessage(), e);
    }
    return principal(claims);
  }

  static StaffPrincipal principal(JWTClaimsSet claims) {
    Set<String> orgs = new HashSet<>();
    Object org = claims.getClaim("organization");
    if (org instanceof Collection<?> list) {
      list.forEach(o -> orgs.add(String.valueOf(o)));
    } else if (org instanceof Map<?, ?> map) {
      map.keySet().forEach(k -> orgs.add(String.valueOf(k)));
    } else if (org instanceof String s) {
      orgs.add(s);
    }
    Map<String, StaffRole> roles = new HashMap<>();
    Object groups = claims.getClaim("groups");
    if (groups instanceof Collection<?> list) {
      for (Object g : list) {
        String path = String.valueOf(g);
        if (path.startsWith(GROUP_PREFIX)) {
          String[] parts = path.substring(GROUP_PREFIX.length()).split("/");
          StaffRole role = parts.length == 2 ? StaffRole.fromGroupName(parts[1]) : null;
          if (role != null) {
            // A person with several roles in one tenant gets the most powerful (enum order).
            roles.merge(parts[0], role, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
          }
        }
      }
    }
    boolean operator = false;
    Object realmAccess = claims.getClaim("realm_access");
    if (realmAccess instanceof Map<?, ?> ra && ra.get("roles") instanceof Collection<?> rs) {
      operator = rs.contains(OPERATOR_ROLE);
    }
    String email = (String) claims.getClaim("email");
    String name = (String) claims.getClaim("name");
    return new StaffPrincipal(
        claims.getSubject(),
        email,
        name == null ? email : name,
        Set.copyOf(orgs),
        Map.copyOf(roles),
        operator);
  }

  private DefaultJWTProcessor<SecurityContext> processor() throws MalformedURLException {
    DefaultJWTProcessor<SecurityContext> p = processor;
    if (p == null) {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(URI.create(keycloak.jwksUrl()).toURL()).retrying(true).build();
      p = new DefaultJWTProcessor<>();
      p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
      p.setJWTClaimsSetVerifier(
          new DefaultJWTClaimsVerifier<>(
              keycloak.audience(),
              new JWTClaimsSet.Builder().issuer(keycloak.issuer()).build(),
              new HashSet<>(List.of("sub", "exp", "iat"))));
      processor = p;
    }
    return p;
  }
}
