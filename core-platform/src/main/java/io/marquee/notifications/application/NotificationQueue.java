package io.marquee.notifications.application;

import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.notifications.domain.Notification;
import io.marquee.notifications.domain.NotificationKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail queue of one tenant schema. Mails come from domain events in the outbox (each event is
 * turned into mails once, in the same transaction that marks it), and from reservation deadlines. A
 * dedupe key per business fact keeps any fact from being mailed twice.
 */
@ApplicationScoped
public class NotificationQueue {
  static final int MAX_ATTEMPTS = 10;

  @Inject Sql sql;

  @Inject
  @ConfigProperty(name = "marquee.mail.reminder-minutes", defaultValue = "180")
  int reminderMinutes;

  private record OutboxRow(long id, String type, UUID aggregateId, JsonObject payload) {}

  /** Turns unmailed outbox events into queued mails. */
  @Transactional
  public int collect(String schema) {
    TenantSql tsql = sql.in(schema);
    List<OutboxRow> rows =
        tsql.list(
            "SELECT id, type, aggregate_id, payload FROM {t}.outbox_event WHERE mailed_at IS NULL"
                + " ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED",
            rs ->
                new OutboxRow(
                    rs.getLong("id"),
                    rs.getString("type"),
                    TenantSql.uuid(rs, "aggregate_id"),
                    Json.createReader(new StringReader(rs.getString("payload"))).readObject()));
    int queued = 0;
    List<Long> seen = new ArrayList<>();
    for (OutboxRow r : rows) {
      seen.add(r.id());
      queued +=
          switch (r.type()) {
            case "order.paid" ->
                toBuyer(
                    tsql,
                    NotificationKind.ORDER_CONFIRMATION,
                    "order.paid:" + r.aggregateId(),
                    r.aggregateId(),
                    "{}");
            case "order.reserved" ->
                toBuyer(
                    tsql,
                    NotificationKind.RESERVATION_CONFIRMATION,
                    "order.reserved:" + r.aggregateId(),
                    r.aggregateId(),
                    "{}");
            case "order.refunded" ->
                r.payload().getJsonNumber("amountMinor").longValue() == 0
                    ? 0
                    : toBuyer(
                        tsql,
                        NotificationKind.REFUND_CONFIRMATION,
                        "order.refunded:" + r.id(),
                        r.aggregateId(),
                        Json.createObjectBuilder()
                            .add(
                                "amountMinor", r.payload().getJsonNumber("amountMinor").longValue())
                            .build()
                            .toString());
            case "ticket.transferred" ->
                tsql.update(
                    "INSERT INTO {t}.notification (id, kind, dedupe_key, recipient, ref_id) SELECT ?,"
                        + " ?, ?, holder_email, id FROM {t}.ticket WHERE id = ? AND holder_email IS"
                        + " NOT NULL ON CONFLICT (dedupe_key) DO NOTHING",
                    UUID.randomUUID(),
                    NotificationKind.TICKET_TRANSFERRED.db(),
                    "ticket.transferred:" + r.aggregateId() + ":" + r.payload().getInt("serial"),
                    r.aggregateId());
            default -> 0;
          };
    }
    if (!seen.isEmpty()) {
      tsql.update(
          "UPDATE {t}.outbox_event SET mailed_at = now() WHERE id = ANY(?::bigint[])",
          (Object) seen.stream().map(String::valueOf).toArray(String[]::new));
    }
    return queued;
  }

  private static int toBuyer(
      TenantSql tsql, NotificationKind kind, String key, UUID orderId, String detail) {
    return tsql.update(
        "INSERT INTO {t}.notification (id, kind, dedupe_key, recipient, ref_id, detail) SELECT ?,"
            + " ?, ?, buyer_email, id, ?::jsonb FROM {t}.orders WHERE id = ? ON CONFLICT"
            + " (dedupe_key) DO NOTHING",
        UUID.randomUUID(),
        kind.db(),
        key,
        detail,
        orderId);
  }

  /** Queues a mail directly (facts that have no outbox event, such as a refund request). */
  @Transactional
  public void enqueue(
      String schema, NotificationKind kind, String key, String to, UUID ref, String detail) {
    sql.in(schema)
        .update(
            "INSERT INTO {t}.notification (id, kind, dedupe_key, recipient, ref_id, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (dedupe_key) DO NOTHING",
            UUID.randomUUID(),
            kind.db(),
            key,
            to,
            ref,
            detail);
  }

  /**
   * Counter reservations that run out within the reminder window get one reminder, unless they were
   * made inside the window (their confirmation already says when they end).
   */
  @Transactional
  public int remind(String schema) {
    return sql.in(schema)
        .update(
            "INSERT INTO {t}.notification (id, kind, dedupe_key, recipient, ref_id) SELECT"
                + " gen_random_uuid(), ?, 'reservation.reminder:' || o.id, o.buyer_email, o.id"
                + " FROM {t}.orders o WHERE o.status = 'pending' AND o.counter_code IS NOT NULL"
                + " AND o.expires_at > now() AND o.expires_at <= now() + make_interval(mins => ?)"
                + " AND o.created_at < o.expires_at - make_interval(mins => ?) ON CONFLICT"
                + " (dedupe_key) DO NOTHING",
            NotificationKind.RESERVATION_REMINDER.db(),
            reminderMinutes,
            reminderMinutes);
  }

  public List<Notification> due(String schema, int limit) {
    return sql.in(schema)
        .list(
            "SELECT * FROM {t}.notification WHERE status = 'pending' AND next_attempt_at <= now()"
                + " ORDER BY created_at LIMIT ?",
            rs ->
                new Notification(
                    TenantSql.uuid(rs, "id"),
                    NotificationKind.fromDb(rs.getString("kind")),
                    rs.getString("recipient"),
                    TenantSql.uuid(rs, "ref_id"),
                    rs.getString("detail"),
                    rs.getInt("attempts")),
            limit);
  }

  public void sent(String schema, UUID id, String subject) {
    sql.in(schema)
        .update(
            "UPDATE {t}.notification SET status = 'sent', sent_at = now(), subject = ?, attempts ="
                + " attempts + 1 WHERE id = ?",
            subject,
            id);
  }

  /** Nothing to send any more (the order or ticket changed): closed without a mail. */
  public void dropped(String schema, UUID id) {
    sql.in(schema)
        .update(
            "UPDATE {t}.notification SET status = 'failed', last_error = 'no longer applies'"
                + " WHERE id = ?",
            id);
  }

  /** Retries with exponential backoff (10 s, 20 s, … capped at 1 h), then gives up. */
  public void failed(String schema, Notification n, String error) {
    int attempts = n.attempts() + 1;
    long backoff = Math.min(3600, 10L << Math.min(attempts - 1, 12));
    sql.in(schema)
        .update(
            "UPDATE {t}.notification SET attempts = ?, last_error = ?, status = ?, next_attempt_at"
                + " = now() + make_interval(secs => ?) WHERE id = ?",
            attempts,
            error.length() > 1000 ? error.substring(0, 1000) : error,
            attempts >= MAX_ATTEMPTS ? "failed" : "pending",
            (double) backoff,
            n.id());
  }
}
