package io.marquee.ticketing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wraps private keys at rest with AES-256-GCM under {@code marquee.keys.master} (base64, 32 bytes,
 * generated per installation by the run script). Without a master key, keys are stored unwrapped
 * and a warning is logged: acceptable on a developer machine only.
 */
@ApplicationScoped
public class KeyVault {
  private static final Logger LOG = Logger.getLogger(KeyVault.class.getName());
  private static final byte WRAPPED = 1;
  private static final byte PLAIN = 0;

  @Inject
  @ConfigProperty(name = "marquee.keys.master")
  Optional<String> master;

  private volatile boolean warned;

  public byte[] wrap(byte[] secret) {
    Optional<SecretKeySpec> key = key();
    if (key.isEmpty()) {
      if (!warned) {
        LOG.warning("marquee.keys.master is not set: ticket signing keys are stored unwrapped");
        warned = true;
      }
      return ByteBuffer.allocate(1 + secret.length).put(PLAIN).put(secret).array();
    }
    try {
      byte[] iv = new byte[12];
      new SecureRandom().nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, iv));
      byte[] sealed = c.doFinal(secret);
      return ByteBuffer.allocate(1 + 12 + sealed.length).put(WRAPPED).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap key", e);
    }
  }

  public byte[] unwrap(byte[] stored) {
    ByteBuffer b = ByteBuffer.wrap(stored);
    byte kind = b.get();
    byte[] rest = new byte[b.remaining()];
    if (kind == PLAIN) {
      b.get(rest);
      return rest;
    }
    SecretKeySpec key =
        key()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "marquee.keys.master is needed to read signing keys"));
    try {
      byte[] iv = new byte[12];
      b.get(iv);
      byte[] sealed = new byte[b.remaining()];
      b.get(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
      return c.doFinal(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot unwrap key: wrong marquee.keys.master?", e);
    }
  }

  private Optional<SecretKeySpec> key() {
    return master
        .filter(s -> !s.isBlank())
        .map(s -> new SecretKeySpec(Base64.getDecoder().decode(s.strip()), "AES"));
  }
}
