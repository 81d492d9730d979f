package io.marquee.plugins.checkin;

import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * The console's gates and devices as a REST API for owners and managers (staff bearer token or
 * console session): {@code GET/POST /plugins/checkin/api/admin/gates}, {@code GET/POST
 * /api/admin/devices}, {@code POST /api/admin/devices/revoke}.
 */
final class AdminApi {
  static final Set<String> ROLES = Set.of("owner", "manager");

  private AdminApi() {}

  static PluginResponse handle(PluginRequest req, PluginContext ctx) {
    if (req.staffRole() == null) {
      return Web.problem(401, null, "a staff token or console session is required");
    }
    if (!ROLES.contains(req.staffRole())) {
      return Web.problem(403, null, "owners and managers only");
    }
    boolean post = req.method().equals("POST");
    // lists take ?eventId= (the name the bodies use) or the short ?e= of the console screens
    String listed =
        req.parameter("eventId") != null ? req.parameter("eventId") : req.parameter("e");
    return switch (req.path()) {
      case "/api/admin/gates" ->
          post ? addGate(ctx, Web.body(req.body())) : gates(ctx, event(ctx, listed));
      case "/api/admin/devices" ->
          post ? addDevice(ctx, Web.body(req.body())) : devices(ctx, event(ctx, listed));
      case "/api/admin/devices/revoke" ->
          post ? revoke(ctx, Web.body(req.body())) : Web.problem(404, null, "POST");
      default -> Web.problem(404, null, "no such admin API");
    };
  }

  private static String event(PluginContext ctx, String id) {
    if (DevicesScreen.event(ctx, id) == null) {
      throw new IllegalArgumentException("eventId must be one of this tenant's events");
    }
    return id;
  }

  private static PluginResponse gates(PluginContext ctx, String eventId) {
    JsonArrayBuilder out = Jsons.P.createArrayBuilder();
    for (Gates.Gate g : Gates.of(ctx, eventId)) {
      var b =
          Jsons.P.createObjectBuilder().add("id", g.id()).add("name", g.name()).add("vip", g.vip());
      if (g.capacity() != null) {
        b.add("capacity", g.capacity());
      }
      out.add(b);
    }
    return Web.json(200, Jsons.P.createObjectBuilder().add("items", out));
  }

  private static PluginResponse addGate(PluginContext ctx, JsonObject b) {
    String eventId = event(ctx, Web.text(b, "eventId"));
    String capacity =
        b.get("capacity") instanceof jakarta.json.JsonNumber n
            ? n.toString()
            : Web.text(b, "capacity");
    Map<String, String> p =
        Gates.add(
            ctx,
            eventId,
            Web.text(b, "name"),
            Web.text(b, "location"),
            capacity,
            b.getBoolean("vip", false));
    if (!p.isEmpty()) {
      var e = p.entrySet().iterator().next();
      return Web.problem(
          e.getValue().contains("has a gate named") ? 409 : 400, e.getKey(), e.getValue());
    }
    String name = Web.text(b, "name").strip();
    Gates.Gate g =
        Gates.of(ctx, eventId).stream()
            .filter(x -> x.name().equals(name))
            .findFirst()
            .orElseThrow();
    return Web.json(201, Jsons.P.createObjectBuilder().add("id", g.id()).add("name", g.name()));
  }

  private static PluginResponse devices(PluginContext ctx, String eventId) {
    JsonArrayBuilder out = Jsons.P.createArrayBuilder();
    for (var d :
        ctx.storage()
            .query(
                "SELECT d.id, d.name, g.name AS gate, d.claimed_at IS NOT NULL AS claimed,"
                    + " d.revoked_at IS NOT NULL AS revoked, d.battery, d.online, d.pending,"
                    + " to_char(d.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS"
                    + " seen FROM {t}.plugin_checkin_device d JOIN {t}.plugin_checkin_gate g ON"
                    + " g.id = d.gate_id WHERE g.event_id = ?::uuid ORDER BY d.created_at",
                eventId)) {
      var b =
          Jsons.P.createObjectBuilder()
              .add("id", String.valueOf(d.get("id")))
              .add("name", (String) d.get("name"))
              .add("gate", (String) d.get("gate"))
              .add("claimed", Boolean.TRUE.equals(d.get("claimed")))
              .add("revoked", Boolean.TRUE.equals(d.get("revoked")));
      if (d.get("seen") != null) {
        b.add("lastHeartbeat", (String) d.get("seen"));
      }
      if (d.get("battery") != null) {
        b.add("battery", ((Number) d.get("battery")).intValue());
      }
      if (d.get("online") != null) {
        b.add("online", (Boolean) d.get("online"));
      }
      if (d.get("pending") != null) {
        b.add("pending", ((Number) d.get("pending")).intValue());
      }
      out.add(b);
    }
    return Web.json(200, Jsons.P.createObjectBuilder().add("items", out));
  }

  private static PluginResponse addDevice(PluginContext ctx, JsonObject b) {
    String name = Web.text(b, "name");
    if (name == null || name.isBlank() || name.strip().length() > 80) {
      throw new IllegalArgumentException("name is required (up to 80 characters)");
    }
    Gates.Gate g =
        Gates.find(ctx, Web.text(b, "gateId"))
            .orElseThrow(() -> new IllegalArgumentException("gateId is not a gate of this tenant"));
    String code = Devices.create(ctx, name.strip(), g.id(), Web.text(b, "staff"));
    return Web.json(
        201,
        Jsons.P.createObjectBuilder()
            .add("claimCode", code)
            .add("gateId", g.id())
            .add("expiresInMinutes", 15));
  }

  private static PluginResponse revoke(PluginContext ctx, JsonObject b) {
    String id = Web.text(b, "deviceId");
    if (id == null || !id.matches("[0-9a-f-]{36}")) {
      throw new IllegalArgumentException("deviceId is required");
    }
    Devices.revoke(ctx, id);
    return Web.json(200, Jsons.P.createObjectBuilder().add("revoked", id));
  }
}
