package io.marquee.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the platform lives: its own host, and the domain under which tenants get {@code
 * <slug>.<domain>}.
 */
@ApplicationScoped
public class PlatformSettings {
  @Inject
  @ConfigProperty(name = "marquee.platform.domain", defaultValue = "localhost")
  String domain;

  @Inject
  @ConfigProperty(name = "marquee.public.scheme", defaultValue = "http")
  String scheme;

  @Inject
  @ConfigProperty(name = "marquee.public.port", defaultValue = "9080")
  int port;

  public String platformHost() {
    return domain.toLowerCase(Locale.ROOT);
  }

  public String defaultHostOf(String slug) {
    return slug + "." + platformHost();
  }

  /**
   * Absolute base URL of a host as browsers reach it (scheme and port configurable for local runs).
   */
  public String baseUrl(String host) {
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
