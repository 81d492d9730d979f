package io.marquee.integration.application;

import io.marquee.common.persistence.TenantSql;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * Domain events, written in the same transaction as the change they describe; delivery to plugins
 * and webhooks reads the table later, so an event exists if and only if its change committed.
 */
public final class Outbox {
  private Outbox() {}

  public static void append(TenantSql sql, String type, UUID aggregateId, JsonObject payload) {
    sql.update(
        "INSERT INTO {t}.outbox_event (type, aggregate_id, payload) VALUES (?, ?, ?::jsonb)",
        type,
        aggregateId,
        payload.toString());
  }
}
