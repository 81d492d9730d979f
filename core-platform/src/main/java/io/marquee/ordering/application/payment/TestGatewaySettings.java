package io.marquee.ordering.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The test gateway's webhook secret ({@code marquee.payments.test.secret}, set per installation by
 * the run script). Without one, a random secret lives as long as the server: safe, but callbacks
 * signed before a restart no longer verify.
 */
@ApplicationScoped
public class TestGatewaySettings {
  private static final Logger LOG = Logger.getLogger(TestGatewaySettings.class.getName());

  @Inject
  @ConfigProperty(name = "marquee.payments.test.secret")
  Optional<String> configured;

  private volatile byte[] secret;

  public byte[] secret() {
    if (secret == null) {
      synchronized (this) {
        if (secret == null) {
          if (configured.isPresent() && !configured.get().isBlank()) {
            secret = configured.get().getBytes(StandardCharsets.UTF_8);
          } else {
            LOG.warning(
                "marquee.payments.test.secret is not set: using a random one until restart");
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            secret = b;
          }
        }
      }
    }
    return secret;
  }
}
