package io.marquee.customers.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Six-digit one-time codes. Only a hash salted with the code's own id is stored, so a database
 * reader cannot sign in; guessing is bounded by attempt limits, not by the code's length.
 */
public final class SignInCodes {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SignInCodes() {}

  public static String newCode() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  public static String hash(UUID codeId, String code) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(codeId.toString().getBytes(StandardCharsets.UTF_8));
      d.update((byte) ':');
      d.update(code.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of a typed code against the stored hash. */
  public static boolean matches(UUID codeId, String typed, String storedHash) {
    if (typed == null || !typed.strip().matches("\\d{6}")) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(codeId, typed.strip()).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
