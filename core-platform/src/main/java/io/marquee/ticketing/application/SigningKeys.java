package io.marquee.ticketing.application;

import io.marquee.common.persistence.TenantSql;
import io.marquee.ticketing.domain.TicketCodes;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Per-event Ed25519 keys. One key signs at a time; retired keys stay published so codes issued
 * under them keep verifying during rotation. Private keys are stored wrapped by the key vault.
 */
public final class SigningKeys {
  private final TenantSql sql;
  private final KeyVault vault;

  public SigningKeys(TenantSql sql, KeyVault vault) {
    this.sql = sql;
    this.vault = vault;
  }

  /** The event's signing key id and private key, created on first use. */
  public record Active(String kid, PrivateKey key) {}

  public Active active(UUID eventId) {
    var found =
        sql.one(
            "SELECT kid, private_key FROM {t}.signing_key WHERE event_id = ? AND active",
            rs ->
                new Active(
                    rs.getString("kid"),
                    TicketCodes.privateKey(vault.unwrap(rs.getBytes("private_key")))),
            eventId);
    if (found.isPresent()) {
      return found.get();
    }
    create(eventId);
    return active(eventId);
  }

  /** Retires the active key (it stays valid for verification) and starts a new one. */
  public String rotate(UUID eventId) {
    sql.update(
        "UPDATE {t}.signing_key SET active = false, retired_at = now() WHERE event_id = ? AND active",
        eventId);
    return create(eventId);
  }

  private String create(UUID eventId) {
    KeyPair pair = TicketCodes.newKeyPair();
    String kid = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    sql.update(
        "INSERT INTO {t}.signing_key (kid, event_id, public_key, private_key, active) VALUES (?, ?,"
            + " ?, ?, true) ON CONFLICT (event_id) WHERE active DO NOTHING",
        kid,
        eventId,
        pair.getPublic().getEncoded(),
        vault.wrap(pair.getPrivate().getEncoded()));
    return kid;
  }

  /** A published verification key. */
  public record PublishedKey(String kid, byte[] x509, boolean active) {}

  public List<PublishedKey> published(UUID eventId) {
    return sql.list(
        "SELECT kid, public_key, active FROM {t}.signing_key WHERE event_id = ? ORDER BY created_at",
        rs ->
            new PublishedKey(
                rs.getString("kid"), rs.getBytes("public_key"), rs.getBoolean("active")),
        eventId);
  }

  public Map<String, PublicKey> publicKeys(UUID eventId) {
    Map<String, PublicKey> out = new LinkedHashMap<>();
    for (PublishedKey k : published(eventId)) {
      TicketCodes.publicKey(k.x509()).ifPresent(p -> out.put(k.kid(), p));
    }
    return out;
  }
}
