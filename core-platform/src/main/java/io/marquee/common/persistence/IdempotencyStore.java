package io.marquee.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency keys of one tenant. A key is claimed in its own transaction (so a concurrent reuse
 * sees it at once and gets 409); the response is stored in the same transaction as the business
 * change, so "done" and the change commit together.
 */
@ApplicationScoped
public class IdempotencyStore {
  /** A key already seen: its request hash, state and stored response. */
  public record Seen(
      String requestHash, boolean done, Integer status, String body, boolean stale) {}

  /** A response to store and replay. */
  public record Stored(int status, String body) {}

  @Inject Sql sql;

  /** Claims the key; empty when claimed now, otherwise what was already there. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Seen> claim(String schema, String route, String key, String hash) {
    TenantSql t = sql.in(schema);
    int inserted =
        t.update(
            "INSERT INTO {t}.idempotency_key (route, key, request_hash, state) VALUES (?, ?, ?,"
                + " 'in_progress') ON CONFLICT DO NOTHING",
            route,
            key,
            hash);
    if (inserted == 1) {
      return Optional.empty();
    }
    return t.one(
        "SELECT request_hash, state, response_status, response_body, created_at < now() -"
            + " interval '2 minutes' AS stale FROM {t}.idempotency_key WHERE route = ? AND key = ?",
        rs ->
            new Seen(
                rs.getString("request_hash"),
                "done".equals(rs.getString("state")),
                TenantSql.intOrNull(rs, "response_status"),
                rs.getString("response_body"),
                rs.getBoolean("stale")),
        route,
        key);
  }

  /** Takes over a claim abandoned by a crashed request. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean takeOver(String schema, String route, String key) {
    return sql.in(schema)
            .update(
                "UPDATE {t}.idempotency_key SET created_at = now() WHERE route = ? AND key = ? AND"
                    + " state = 'in_progress' AND created_at < now() - interval '2 minutes'",
                route,
                key)
        == 1;
  }

  /** Runs the work and records its response in one transaction. */
  @Transactional(TxType.REQUIRED)
  public Stored runAndStore(String schema, String route, String key, Supplier<Stored> work) {
    Stored s = work.get();
    record(schema, route, key, s);
    return s;
  }

  /** Records a refusal (4xx) after the work's transaction rolled back. */
  @Transactional(TxType.REQUIRES_NEW)
  public void storeRefusal(String schema, String route, String key, Stored s) {
    record(schema, route, key, s);
  }

  private void record(String schema, String route, String key, Stored s) {
    sql.in(schema)
        .update(
            "UPDATE {t}.idempotency_key SET state = 'done', response_status = ?, response_body = ?"
                + " WHERE route = ? AND key = ?",
            s.status(),
            s.body(),
            route,
            key);
  }

  /** Forgets the claim after an unexpected failure, so the client may retry. */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(String schema, String route, String key) {
    sql.in(schema)
        .update("DELETE FROM {t}.idempotency_key WHERE route = ? AND key = ?", route, key);
  }
}
