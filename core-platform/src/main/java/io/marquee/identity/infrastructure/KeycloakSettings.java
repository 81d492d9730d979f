package io.marquee.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Keycloak is and how the platform authenticates to it. */
@ApplicationScoped
public class KeycloakSettings {
  @Inject
  @ConfigProperty(name = "marquee.keycloak.url", defaultValue = "http://localhost:8180")
  String url;

  @Inject
  @ConfigProperty(name = "marquee.keycloak.realm", defaultValue = "marquee")
  String realm;

  @Inject
  @ConfigProperty(name = "marquee.keycloak.audience", defaultValue = "marquee-api")
  String audience;

  @Inject
  @ConfigProperty(name = "marquee.keycloak.platform-client-id", defaultValue = "marquee-platform")
  String platformClientId;

  /**
   * No default: the run command generates it per installation; without it admin calls answer 502.
   */
  @Inject
  @ConfigProperty(name = "marquee.kc.platform.client.secret")
  Optional<String> platformClientSecret;

  public String realmUrl() {
    return url + "/realms/" + realm;
  }

  public String adminUrl() {
    return url + "/admin/realms/" + realm;
  }

  public String issuer() {
    return realmUrl();
  }

  public String jwksUrl() {
    return realmUrl() + "/protocol/openid-connect/certs";
  }

  public String tokenUrl() {
    return realmUrl() + "/protocol/openid-connect/token";
  }

  public String authUrl() {
    return realmUrl() + "/protocol/openid-connect/auth";
  }

  public String logoutUrl() {
    return realmUrl() + "/protocol/openid-connect/logout";
  }

  public String audience() {
    return audience;
  }

  public String platformClientId() {
    return platformClientId;
  }

  public String platformClientSecret() {
    return platformClientSecret.orElse("");
  }
}
