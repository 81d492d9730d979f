package io.marquee.plugins.checkin;

import io.marquee.plugin.api.PluginContext;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's numbers, from the database every time (so every node shows the same): admitted vs
 * sold vs capacity, per gate, admissions per five minutes, capacity alerts at 80/90/100 %,
 * suspicious activity (duplicates, re-used tickets, bursts of invalid scans from one device), and
 * the latest scans.
 */
final class Stats {
  private Stats() {}

  static long n(PluginContext ctx, String sql, Object... args) {
    return ((Number) ctx.storage().query(sql, args).get(0).get("n")).longValue();
  }

  static JsonObjectBuilder of(PluginContext ctx, String eventId) {
    long admitted =
        n(
            ctx,
            "SELECT count(*) AS n FROM {t}.plugin_checkin_presence WHERE event_id = ?::uuid",
            eventId);
    long inside =
        n(
            ctx,
            "SELECT count(*) AS n FROM {t}.plugin_checkin_presence WHERE event_id = ?::uuid AND"
                + " inside",
            eventId);
    // sold = tickets that can be admitted now, plus those admitted (still valid, or not)
    long valid = ctx.tickets().admissible(eventId).size();
    List<Gates.Gate> gates = Gates.of(ctx, eventId);
    long capacity =
        gates.stream().allMatch(g -> g.capacity() != null) && !gates.isEmpty()
            ? gates.stream().mapToLong(Gates.Gate::capacity).sum()
            : 0;
    Map<String, Long> admittedByGate = new java.util.HashMap<>();
    for (Map<String, Object> r :
        ctx.storage()
            .query(
                "SELECT gate_id, count(*) AS n FROM {t}.plugin_checkin_scan WHERE event_id = ?::uuid"
                    + " AND outcome = 'ADMITTED' GROUP BY gate_id",
                eventId)) {
      admittedByGate.put(String.valueOf(r.get("gate_id")), ((Number) r.get("n")).longValue());
    }
    JsonArrayBuilder perGate = Jsons.P.createArrayBuilder();
    for (Gates.Gate g : gates) {
      long in = admittedByGate.getOrDefault(g.id(), 0L);
      JsonObjectBuilder b =
          Jsons.P.createObjectBuilder()
              .add("gateId", g.id())
              .add("name", g.name())
              .add("admitted", in);
      if (g.capacity() != null) {
        b.add("capacity", g.capacity());
      }
      perGate.add(b.add("vip", g.vip()));
    }
    // Admissions per 5 minutes over the last 3 hours, by when the ticket was scanned (an offline
    // scan counts where it happened, not when it synced), with empty slots as zero so the chart's
    // axis is time; slots are labelled in the tenant's time zone.
    String zone = ctx.tenant().timeZone();
    JsonArrayBuilder rate = Jsons.P.createArrayBuilder();
    for (Map<String, Object> r :
        ctx.storage()
            .query(
                "WITH b AS (SELECT date_bin('5 minutes', scanned_at, timestamptz '2000-01-01') AS"
                    + " slot, count(*) AS n FROM {t}.plugin_checkin_scan WHERE event_id = ?::uuid"
                    + " AND outcome = 'ADMITTED' AND received_at > now() - interval '3 hours' AND"
                    + " scanned_at > now() - interval '3 hours' GROUP BY 1) SELECT to_char(s AT"
                    + " TIME ZONE ?, 'HH24:MI') AS slot, coalesce(b.n, 0) AS n FROM"
                    + " generate_series((SELECT min(slot) FROM b), date_bin('5 minutes', now(),"
                    + " timestamptz '2000-01-01'), interval '5 minutes') s LEFT JOIN b ON b.slot ="
                    + " s ORDER BY s",
                eventId,
                zone)) {
      rate.add(
          Jsons.P.createObjectBuilder()
              .add("slot", (String) r.get("slot"))
              .add("admitted", ((Number) r.get("n")).longValue()));
    }
    JsonArrayBuilder alerts = Jsons.P.createArrayBuilder();
    if (capacity > 0) {
      long pct = inside * 100 / capacity;
      for (int level : new int[] {100, 90, 80}) {
        if (pct >= level) {
          alerts.add("capacity " + level + " %: " + inside + " inside of " + capacity);
          break;
        }
      }
    }
    long duplicates =
        n(
            ctx,
            "SELECT count(*) AS n FROM {t}.plugin_checkin_scan WHERE event_id = ?::uuid AND"
                + " duplicate",
            eventId);
    long reused =
        n(
            ctx,
            "SELECT count(*) AS n FROM {t}.plugin_checkin_scan WHERE event_id = ?::uuid AND outcome"
                + " = 'ALREADY_USED'",
            eventId);
    JsonArrayBuilder suspicious = Jsons.P.createArrayBuilder();
    if (duplicates > 0) {
      suspicious.add(duplicates + " offline scans of tickets admitted earlier (duplicates)");
    }
    if (reused > 0) {
      suspicious.add(reused + " scans of tickets already used");
    }
    for (Map<String, Object> r :
        ctx.storage()
            .query(
                "SELECT d.name, count(*) AS n FROM {t}.plugin_checkin_scan s JOIN"
                    + " {t}.plugin_checkin_device d ON d.id = s.device_id WHERE s.event_id ="
                    + " ?::uuid AND s.outcome IN ('INVALID', 'WRONG_EVENT') AND s.received_at >"
                    + " now() - interval '1 minute' GROUP BY d.name HAVING count(*) >= 5",
                eventId)) {
      suspicious.add(
          "burst of " + r.get("n") + " invalid scans in the last minute from " + r.get("name"));
    }
    JsonArrayBuilder recent = Jsons.P.createArrayBuilder();
    for (Map<String, Object> r :
        ctx.storage()
            .query(
                "SELECT s.outcome, s.offline, s.duplicate, to_char(s.scanned_at AT TIME ZONE ?,"
                    + " 'HH24:MI:SS') AS at, g.name AS gate, s.override_by FROM"
                    + " {t}.plugin_checkin_scan s LEFT JOIN {t}.plugin_checkin_gate g ON g.id ="
                    + " s.gate_id WHERE s.event_id = ?::uuid ORDER BY s.id DESC LIMIT 15",
                zone,
                eventId)) {
      recent.add(
          Jsons.P.createObjectBuilder()
              .add("outcome", (String) r.get("outcome"))
              .add("at", (String) r.get("at"))
              .add("gate", String.valueOf(r.get("gate")))
              .add("offline", Boolean.TRUE.equals(r.get("offline")))
              .add("duplicate", Boolean.TRUE.equals(r.get("duplicate")))
              .add("override", r.get("override_by") != null));
    }
    return Jsons.P.createObjectBuilder()
        .add("eventId", eventId)
        .add("admitted", admitted)
        .add("inside", inside)
        .add("sold", valid)
        .add("capacity", capacity)
        .add("gates", perGate)
        .add("rate", rate)
        .add("alerts", alerts)
        .add("duplicates", duplicates)
        .add("suspicious", suspicious)
        .add("recent", recent);
  }
}
