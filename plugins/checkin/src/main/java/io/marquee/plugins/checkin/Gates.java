package io.marquee.plugins.checkin;

import io.marquee.plugin.api.PluginContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Gates of an event: name, location, capacity limit, VIP lane. */
final class Gates {
  private Gates() {}

  record Gate(
      String id, String eventId, String name, String location, Integer capacity, boolean vip) {}

  static List<Gate> of(PluginContext ctx, String eventId) {
    return ctx
        .storage()
        .query(
            "SELECT id, event_id, name, location, capacity, vip FROM {t}.plugin_checkin_gate WHERE"
                + " event_id = ?::uuid ORDER BY name",
            eventId)
        .stream()
        .map(Gates::gate)
        .toList();
  }

  /** Every gate of the tenant, by event id, in one query. */
  static java.util.Map<String, List<Gate>> byEvent(PluginContext ctx) {
    return ctx
        .storage()
        .query(
            "SELECT id, event_id, name, location, capacity, vip FROM {t}.plugin_checkin_gate ORDER"
                + " BY name")
        .stream()
        .map(Gates::gate)
        .collect(java.util.stream.Collectors.groupingBy(Gate::eventId));
  }

  static Optional<Gate> find(PluginContext ctx, String gateId) {
    try {
      UUID.fromString(gateId);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
    return ctx
        .storage()
        .query(
            "SELECT id, event_id, name, location, capacity, vip FROM {t}.plugin_checkin_gate WHERE"
                + " id = ?::uuid",
            gateId)
        .stream()
        .findFirst()
        .map(Gates::gate);
  }

  private static Gate gate(Map<String, Object> r) {
    return new Gate(
        String.valueOf(r.get("id")),
        String.valueOf(r.get("event_id")),
        (String) r.get("name"),
        (String) r.get("location"),
        r.get("capacity") == null ? null : ((Number) r.get("capacity")).intValue(),
        Boolean.TRUE.equals(r.get("vip")));
  }

  /** Adds a gate; returns a problem (field → message) or empty. */
  static Map<String, String> add(
      PluginContext ctx,
      String eventId,
      String name,
      String location,
      String capacity,
      boolean vip) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 80) {
      return Map.of("name", "a gate needs a name of up to 80 characters");
    }
    Integer cap = null;
    if (capacity != null && !capacity.isBlank()) {
      try {
        cap = Integer.valueOf(capacity.strip());
      } catch (NumberFormatException e) {
        return Map.of("capacity", "capacity must be a whole number");
      }
      if (cap < 1) {
        return Map.of("capacity", "capacity must be at least 1");
      }
    }
    int added =
        ctx.storage()
            .update(
                "INSERT INTO {t}.plugin_checkin_gate (id, event_id, name, location, capacity, vip)"
                    + " VALUES (?::uuid, ?::uuid, ?, ?, ?, ?) ON CONFLICT (event_id, name) DO"
                    + " NOTHING",
                UUID.randomUUID().toString(),
                eventId,
                n,
                location == null || location.isBlank() ? null : location.strip(),
                cap,
                vip);
    return added == 1 ? Map.of() : Map.of("name", "this event has a gate named " + n);
  }
}
