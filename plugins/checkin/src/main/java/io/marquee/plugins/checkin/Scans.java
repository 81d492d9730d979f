package io.marquee.plugins.checkin;

import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.TicketDesk;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One scan, decided once: the platform checks the code (signature, event, revocation, status), then
 * a single SQL statement on the ticket's presence row decides admission, so two devices racing on
 * the same ticket get one admission. A scan's nonce makes it idempotent: the same scan uploaded
 * again gets the stored answer and is neither counted nor billed again. Offline scans are decided
 * by the earliest scan time: the earliest admission wins and later ones are flagged duplicates.
 */
final class Scans {
  private Scans() {}

  /** A scan as a device reports it. {@code overrideBy}: the manager admitting despite a rule. */
  record Input(
      String eventId,
      String gateId,
      String deviceId,
      String code,
      String ticketId,
      String direction,
      String nonce,
      Instant scannedAt,
      boolean offline,
      String overrideBy,
      String note) {}

  /** The answer: outcome, the ticket behind the code (if any) and, when used, when and where. */
  record Result(
      String nonce,
      Outcome outcome,
      String ticketId,
      String holderName,
      String ticketType,
      String reason,
      Instant usedAt,
      String usedGate,
      boolean replayed) {}

  static boolean validNonce(String nonce) {
    return nonce != null && nonce.matches("[A-Za-z0-9_-]{8,64}");
  }

  static Result scan(PluginContext ctx, Input in) {
    if (!validNonce(in.nonce())) {
      throw new IllegalArgumentException("nonce must be 8 to 64 letters, digits, - or _");
    }
    // Decided first, stored after: the nonce's unique key keeps one record per scan. A scan sent
    // again finds the presence row taken (no second admission, no second bill) and then its own
    // stored record, whose answer it returns.
    if (in.offline()) {
      return offline(ctx, in);
    }
    Result r = decide(ctx, in);
    List<Map<String, Object>> stored =
        ctx.storage()
            .query(
                "INSERT INTO {t}.plugin_checkin_scan (nonce, event_id, ticket_id, gate_id, device_id,"
                    + " direction, outcome, scanned_at, offline, duplicate, override_by, note) VALUES"
                    + " (?, ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT"
                    + " (nonce) DO NOTHING RETURNING id",
                in.nonce(),
                in.eventId(),
                r.ticketId(),
                in.gateId(),
                in.deviceId(),
                in.direction(),
                r.outcome().name(),
                OffsetDateTime.ofInstant(in.scannedAt(), java.time.ZoneOffset.UTC),
                in.offline(),
                r.outcome() == Outcome.DUPLICATE,
                in.overrideBy(),
                in.note());
    if (stored.isEmpty()) {
      return replay(ctx, in.nonce());
    }
    // the dashboards of this event refresh now (coalesced by the platform)
    ctx.publish("dashboard-" + in.eventId(), r.outcome().name());
    return r;
  }

  /**
   * An uploaded offline scan. Uploads are retried whole, sometimes while the first attempt still
   * runs, so the nonce is claimed before anything is decided: a second copy stops at the claim.
   */
  private static Result offline(PluginContext ctx, Input in) {
    List<Map<String, Object>> claimed =
        ctx.storage()
            .query(
                "INSERT INTO {t}.plugin_checkin_scan (nonce, event_id, gate_id, device_id,"
                    + " direction, outcome, scanned_at, offline, override_by, note) VALUES (?,"
                    + " ?::uuid, ?::uuid, ?::uuid, ?, 'PENDING', ?, true, ?, ?) ON CONFLICT (nonce) DO"
                    + " NOTHING RETURNING id",
                in.nonce(),
                in.eventId(),
                in.gateId(),
                in.deviceId(),
                in.direction(),
                OffsetDateTime.ofInstant(in.scannedAt(), java.time.ZoneOffset.UTC),
                in.overrideBy(),
                in.note());
    if (claimed.isEmpty()) {
      return replay(ctx, in.nonce());
    }
    Result r = decide(ctx, in);
    // A later, earlier-timed scan may have displaced this one meanwhile: its flag stays.
    ctx.storage()
        .update(
            "UPDATE {t}.plugin_checkin_scan SET ticket_id = ?::uuid, outcome = CASE WHEN duplicate"
                + " THEN 'DUPLICATE' ELSE ? END, duplicate = duplicate OR ? WHERE nonce = ?",
            r.ticketId(),
            r.outcome().name(),
            r.outcome() == Outcome.DUPLICATE,
            in.nonce());
    ctx.publish("dashboard-" + in.eventId(), r.outcome().name());
    return r;
  }

  private static Result replay(PluginContext ctx, String nonce) {
    Map<String, Object> s =
        ctx.storage()
            .query("SELECT outcome, ticket_id FROM {t}.plugin_checkin_scan WHERE nonce = ?", nonce)
            .get(0);
    return new Result(
        nonce,
        "PENDING".equals(s.get("outcome"))
            ? Outcome.DUPLICATE // the same scan, still being decided by an earlier upload
            : Outcome.valueOf((String) s.get("outcome")),
        s.get("ticket_id") == null ? null : String.valueOf(s.get("ticket_id")),
        null,
        null,
        "this scan was received before",
        null,
        null,
        true);
  }

  private static Result decide(PluginContext ctx, Input in) {
    TicketDesk.CodeCheck c =
        in.code() != null ? ctx.tickets().check(in.eventId(), in.code()) : byId(ctx, in);
    String ticket = c.ticketId();
    Outcome refusal =
        switch (c.verdict()) {
          case VALID -> null;
          case WRONG_EVENT -> Outcome.WRONG_EVENT;
          case REVOKED -> Outcome.VOIDED;
          default -> Outcome.INVALID;
        };
    if (refusal == null && c.status() != null) {
      refusal =
          switch (c.status()) {
            case "valid" -> null;
            case "held" -> Outcome.UNPAID;
            default -> Outcome.VOIDED;
          };
    } else if (refusal == null) {
      refusal = Outcome.INVALID; // signed, but the ticket does not exist
    }
    boolean overridable =
        refusal == Outcome.UNPAID || refusal == Outcome.VOIDED || refusal == Outcome.ALREADY_USED;
    if (refusal != null && !(in.overrideBy() != null && overridable && ticket != null)) {
      return new Result(
          in.nonce(),
          refusal,
          ticket,
          c.holderName(),
          c.ticketType(),
          c.verdict().name().toLowerCase(java.util.Locale.ROOT),
          null,
          null,
          false);
    }
    if ("out".equals(in.direction())) {
      int left =
          ctx.storage()
              .update(
                  "UPDATE {t}.plugin_checkin_presence SET inside = false, last_at = now() WHERE"
                      + " ticket_id = ?::uuid AND inside",
                  ticket);
      return result(in, left == 1 ? Outcome.EXITED : Outcome.NOT_INSIDE, c, null, null);
    }
    Timestamped at = new Timestamped(in.scannedAt());
    // One round trip: the admission, and when refused the first entry it ran into (read in the
    // statement's snapshot; a rival admission committed meanwhile is read again below).
    Map<String, Object> entry =
        ctx.storage()
            .query(
                "WITH ins AS (INSERT INTO {t}.plugin_checkin_presence (ticket_id, event_id, inside,"
                    + " first_in_at, first_gate, first_nonce, last_at) VALUES (?::uuid, ?::uuid,"
                    + " true, ?, ?::uuid, ?, now()) ON CONFLICT (ticket_id) DO NOTHING RETURNING"
                    + " ticket_id) SELECT (SELECT count(*) FROM ins) AS entered, p.first_in_at,"
                    + " g.name AS gate FROM (SELECT 1) one LEFT JOIN {t}.plugin_checkin_presence p"
                    + " ON p.ticket_id = ?::uuid LEFT JOIN {t}.plugin_checkin_gate g ON g.id ="
                    + " p.first_gate",
                ticket,
                in.eventId(),
                at.odt(),
                in.gateId(),
                in.nonce(),
                ticket)
            .get(0);
    if (((Number) entry.get("entered")).intValue() == 1) {
      ctx.recordUsage("scan", 1, in.nonce());
      return result(in, Outcome.ADMITTED, c, null, null);
    }
    if (ctx.settings().flag("reentry") || in.overrideBy() != null) {
      int again =
          ctx.storage()
              .update(
                  "UPDATE {t}.plugin_checkin_presence SET inside = true, entries = entries + 1,"
                      + " last_at = now() WHERE ticket_id = ?::uuid AND (NOT inside OR ?)",
                  ticket,
                  in.overrideBy() != null);
      if (again == 1) {
        ctx.recordUsage("scan", 1, in.nonce());
        return result(in, Outcome.ADMITTED, c, null, null);
      }
    }
    if (in.offline()) {
      // Earliest scan wins: an offline scan older than the recorded first entry takes its place
      // (the admission stays one; the scan it displaces is flagged as the duplicate).
      List<Map<String, Object>> displaced =
          ctx.storage()
              .query(
                  "UPDATE {t}.plugin_checkin_presence p SET first_in_at = ?, first_gate = ?::uuid,"
                      + " first_nonce = ? FROM (SELECT ticket_id, first_nonce FROM"
                      + " {t}.plugin_checkin_presence WHERE ticket_id = ?::uuid FOR UPDATE) old"
                      + " WHERE p.ticket_id = old.ticket_id AND (p.first_in_at > ? OR"
                      + " (p.first_in_at = ? AND p.first_nonce > ?)) RETURNING old.first_nonce",
                  at.odt(),
                  in.gateId(),
                  in.nonce(),
                  ticket,
                  at.odt(),
                  at.odt(),
                  in.nonce());
      if (!displaced.isEmpty()) {
        ctx.storage()
            .update(
                "UPDATE {t}.plugin_checkin_scan SET duplicate = true, outcome = 'DUPLICATE' WHERE"
                    + " nonce = ? AND outcome IN ('ADMITTED', 'PENDING')",
                displaced.get(0).get("first_nonce"));
        return result(in, Outcome.ADMITTED, c, null, null);
      }
      Map<String, Object> p = presence(ctx, ticket);
      return result(in, Outcome.DUPLICATE, c, p, "an earlier scan admitted this ticket");
    }
    return result(
        in,
        Outcome.ALREADY_USED,
        c,
        entry.get("first_in_at") != null ? entry : presence(ctx, ticket),
        null);
  }

  /** Staff chose the ticket itself (search, counter): the platform's record of it decides. */
  private static TicketDesk.CodeCheck byId(PluginContext ctx, Input in) {
    return ctx.tickets()
        .ticket(in.eventId(), in.ticketId())
        .map(
            t ->
                new TicketDesk.CodeCheck(
                    TicketDesk.Verdict.VALID,
                    in.eventId(),
                    t.ticketId(),
                    0,
                    t.status(),
                    t.holderName(),
                    t.ticketType(),
                    t.orderNumber()))
        .orElse(
            new TicketDesk.CodeCheck(
                TicketDesk.Verdict.WRONG_EVENT, in.eventId(), null, 0, null, null, null, null));
  }

  /** Admits a ticket by id (staff's choice): paid at the counter, or a manager's override. */
  static Result admitTicket(
      PluginContext ctx,
      String eventId,
      String gateId,
      String deviceId,
      String ticketId,
      String nonce,
      String overrideBy,
      String note) {
    return scan(
        ctx,
        new Input(
            eventId,
            gateId,
            deviceId,
            null,
            ticketId,
            "in",
            nonce,
            Instant.now(),
            false,
            overrideBy,
            note));
  }

  static boolean admitAtCounter(PluginContext ctx, DoorApi.Door door, String ticketId) {
    return admitTicket(
                ctx,
                door.gate().eventId(),
                door.gate().id(),
                door.device() == null ? null : door.device().id(),
                ticketId,
                "counter-" + ticketId,
                null,
                "paid at the door")
            .outcome()
        == Outcome.ADMITTED;
  }

  private record Timestamped(Instant at) {
    OffsetDateTime odt() {
      return OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }
  }

  private static Map<String, Object> presence(PluginContext ctx, String ticket) {
    List<Map<String, Object>> rows =
        ctx.storage()
            .query(
                "SELECT p.first_in_at, g.name AS gate FROM {t}.plugin_checkin_presence p LEFT JOIN"
                    + " {t}.plugin_checkin_gate g ON g.id = p.first_gate WHERE p.ticket_id ="
                    + " ?::uuid",
                ticket);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static Result result(
      Input in, Outcome o, TicketDesk.CodeCheck c, Map<String, Object> used, String reason) {
    Instant usedAt = null;
    String gate = null;
    if (used != null) {
      Object t = used.get("first_in_at");
      usedAt =
          t instanceof java.sql.Timestamp ts
              ? ts.toInstant()
              : t instanceof OffsetDateTime odt ? odt.toInstant() : null;
      gate = (String) used.get("gate");
    }
    return new Result(
        in.nonce(), o, c.ticketId(), c.holderName(), c.ticketType(), reason, usedAt, gate, false);
  }
}
