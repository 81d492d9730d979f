package io.marquee.identity.application;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.domain.ApiKey;
import io.marquee.identity.domain.ApiKeyRepository;
import io.marquee.identity.domain.ApiKeyScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Integrators' API keys: {@code mq_<prefix>_<secret>}. The prefix finds the key; only a SHA-256 of
 * the 256-bit random secret is stored, so the full key is shown exactly once, at creation.
 */
@ApplicationScoped
@Transactional
public class ApiKeyService {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  @Inject ApiKeyRepository keys;

  /** A created key: the stored record and the one-time plain text. */
  public record Created(ApiKey key, String plainText) {}

  public Created create(UUID tenantId, String name, String scope, String createdBy) {
    if (name == null || name.isBlank() || name.length() > 80) {
      throw ProblemException.invalid("name", "name is required (at most 80 characters)");
    }
    ApiKeyScope parsed;
    try {
      parsed = ApiKeyScope.valueOf(scope == null ? "" : scope.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("scope", "scope must be read or write");
    }
    String prefix = randomToken(9);
    String secret = randomToken(32);
    ApiKey key = new ApiKey(tenantId, name.strip(), prefix, hash(secret), parsed, createdBy);
    keys.add(key);
    return new Created(key, "mq_" + prefix + "_" + secret);
  }

  /** The key if it is valid, active and belongs to {@code tenantId}; otherwise 401. */
  public ApiKey verify(UUID tenantId, String plainText) {
    String[] parts = plainText == null ? new String[0] : plainText.split("_", 3);
    if (parts.length != 3 || !"mq".equals(parts[0])) {
      throw ProblemException.unauthorized("malformed API key");
    }
    ApiKey key =
        keys.findByPrefix(parts[1])
            .orElseThrow(() -> ProblemException.unauthorized("unknown API key"));
    boolean secretMatches =
        MessageDigest.isEqual(
            key.getSecretHash().getBytes(StandardCharsets.US_ASCII),
            hash(parts[2]).getBytes(StandardCharsets.US_ASCII));
    if (!secretMatches || !key.getTenantId().equals(tenantId)) {
      throw ProblemException.unauthorized("this API key is not valid for this tenant");
    }
    if (!key.isActive()) {
      throw ProblemException.unauthorized("this API key has been revoked");
    }
    Instant now = Instant.now();
    if (key.getLastUsedAt() == null
        || key.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
      key.markUsed(now);
    }
    return key;
  }

  public List<ApiKey> list(UUID tenantId) {
    return keys.listForTenant(tenantId);
  }

  public ApiKey revoke(UUID tenantId, UUID keyId) {
    ApiKey key =
        keys.findForTenant(tenantId, keyId)
            .orElseThrow(() -> ProblemException.notFound("no API key " + keyId));
    key.revoke();
    return key;
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    // URL-safe, and without '_' so that the key splits unambiguously on '_'.
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('_', 'x');
  }
}
