package io.marquee.ticketing.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Ed25519-signed ticket codes: {@code base64url(claims) "." base64url(signature)}. Verification
 * needs only the event's public keys (several during rotation) and its revocation list, so a door
 * device can check codes offline.
 */
public final class TicketCodes {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getUrlDecoder();

  private TicketCodes() {}

  /** Why a code was refused, or OK. */
  public enum Verdict {
    VALID,
    MALFORMED,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    WRONG_TENANT,
    WRONG_EVENT,
    NOT_YET_VALID,
    EXPIRED,
    REVOKED
  }

  public record Result(Verdict verdict, TicketClaims claims) {
    public boolean valid() {
      return verdict == Verdict.VALID;
    }
  }

  /** A revoked (ticket, serial) pair. */
  public record Revocation(UUID ticketId, int serial) {}

  public static KeyPair newKeyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 unavailable", e);
    }
  }

  public static String sign(TicketClaims claims, PrivateKey key) {
    byte[] payload = claims.encode().getBytes(StandardCharsets.UTF_8);
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(payload);
      return B64.encodeToString(payload) + "." + B64.encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  public static Result verify(
      String code,
      String tenant,
      UUID eventId,
      Map<String, PublicKey> keysByKid,
      Set<Revocation> revoked,
      Instant now) {
    TicketClaims claims;
    byte[] payload;
    byte[] signature;
    try {
      int dot = code.indexOf('.');
      payload = D64.decode(code.substring(0, dot));
      signature = D64.decode(code.substring(dot + 1));
      claims = TicketClaims.decode(new String(payload, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return new Result(Verdict.MALFORMED, null);
    }
    PublicKey key = keysByKid.get(claims.kid());
    if (key == null) {
      return new Result(Verdict.UNKNOWN_KEY, claims);
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(payload);
      if (!s.verify(signature)) {
        return new Result(Verdict.BAD_SIGNATURE, claims);
      }
    } catch (GeneralSecurityException e) {
      return new Result(Verdict.BAD_SIGNATURE, claims);
    }
    if (!claims.tenant().equals(tenant)) {
      return new Result(Verdict.WRONG_TENANT, claims);
    }
    if (!claims.eventId().equals(eventId)) {
      return new Result(Verdict.WRONG_EVENT, claims);
    }
    if (now.isBefore(claims.notBefore())) {
      return new Result(Verdict.NOT_YET_VALID, claims);
    }
    if (now.isAfter(claims.notAfter())) {
      return new Result(Verdict.EXPIRED, claims);
    }
    if (revoked.contains(new Revocation(claims.ticketId(), claims.serial()))) {
      return new Result(Verdict.REVOKED, claims);
    }
    return new Result(Verdict.VALID, claims);
  }

  public static Optional<PublicKey> publicKey(byte[] x509) {
    try {
      return Optional.of(
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  public static PrivateKey privateKey(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("bad private key", e);
    }
  }
}
