package io.marquee.plugins.checkin;

import io.marquee.plugin.api.EventSummary;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginEndpoint;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import io.marquee.plugin.api.TicketDesk;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The door API under {@code /plugins/checkin/api/} on the tenant's domain, for a provisioned device
 * ({@code X-Device-Token}) or door staff signed in to the console in this browser. Bad input gets
 * problem+json naming the field.
 */
@Extension
public class DoorApi implements PluginEndpoint {
  static final Set<String> DOOR_ROLES = Set.of("owner", "manager", "door-staff");
  // Device clocks drift: offline scan times further than this from the server's are clamped.
  static final Duration MAX_SKEW = Duration.ofHours(12);

  /** Who is at the door: a device (its gate fixed) or a staff member (gate chosen per call). */
  record Door(Devices.Device device, String staffEmail, Gates.Gate gate) {}

  @Override
  public PluginResponse handle(PluginRequest req, PluginContext ctx) {
    try {
      return route(req, ctx);
    } catch (IllegalArgumentException e) {
      return Web.problem(400, field(e.getMessage()), e.getMessage());
    }
  }

  private static String field(String message) {
    int space = message.indexOf(' ');
    return space > 0 ? message.substring(0, space) : null;
  }

  private PluginResponse route(PluginRequest req, PluginContext ctx) {
    String path = req.path();
    if (path.equals("/") || path.equals("/app")) {
      return PluginResponse.redirect("/plugins/checkin/assets/app.html");
    }
    boolean post = req.method().equals("POST");
    if (path.equals("/api/claim") && post) {
      JsonObject b = Web.body(req.body());
      return Devices.claim(ctx, Web.text(b, "code"))
          .map(
              e ->
                  Web.json(
                      200,
                      Jsons.P.createObjectBuilder()
                          .add("token", e.getKey())
                          .add("device", device(ctx, e.getValue()))))
          .orElse(Web.problem(400, "code", "code is not a valid device code (or it expired)"));
    }
    if (path.startsWith("/api/admin/")) {
      return AdminApi.handle(req, ctx);
    }
    if (path.equals("/api/stats")) {
      if (req.staffRole() == null) {
        return Web.problem(401, null, "sign in to the console to see the dashboard");
      }
      String e = req.parameter("e");
      if (DevicesScreen.event(ctx, e) == null) {
        return Web.problem(400, "e", "e must be one of this tenant's events");
      }
      return Web.json(200, Stats.of(ctx, e));
    }
    Optional<Devices.Device> device = Devices.byToken(ctx, req.header("X-Device-Token"));
    boolean staff = req.staffRole() != null && DOOR_ROLES.contains(req.staffRole());
    if (device.isEmpty() && !staff) {
      return req.header("X-Device-Token") != null
          ? Web.problem(401, "X-Device-Token", "this device's credential is not valid (revoked?)")
          : Web.problem(401, null, "sign in as door staff or use a provisioned device");
    }
    if (path.equals("/api/me")) {
      return me(ctx, device.orElse(null), req);
    }
    Gates.Gate gate =
        device.isPresent()
            ? new Gates.Gate(
                device.get().gateId(),
                device.get().eventId(),
                device.get().gateName(),
                null,
                null,
                false)
            : Gates.find(ctx, req.parameter("gate"))
                .orElseThrow(
                    () -> new IllegalArgumentException("gate is not a gate of this tenant"));
    Door door = new Door(device.orElse(null), req.staffEmail(), gate);
    return switch (path) {
      case "/api/kit" -> kit(ctx, door, "1".equals(req.parameter("others")));
      case "/api/scan" -> post ? scan(ctx, door, Web.body(req.body())) : notFound();
      case "/api/sync" -> post ? sync(ctx, door, Web.body(req.body())) : notFound();
      case "/api/heartbeat" -> post ? heartbeat(ctx, door, Web.body(req.body())) : notFound();
      case "/api/search" -> search(ctx, door, req.parameter("q"));
      case "/api/reservation" -> reservation(ctx, door, req.parameter("code"));
      case "/api/reservation/confirm" ->
          post ? confirm(ctx, door, Web.body(req.body())) : notFound();
      default -> notFound();
    };
  }

  private static PluginResponse notFound() {
    return Web.problem(404, null, "no such door API");
  }

  private static JsonObjectBuilder device(PluginContext ctx, Devices.Device d) {
    String title = ctx.event(d.eventId()).map(EventSummary::title).orElse("");
    return Jsons.P.createObjectBuilder()
        .add("id", d.id())
        .add("name", d.name())
        .add("gateId", d.gateId())
        .add("gateName", d.gateName())
        .add("eventId", d.eventId())
        .add("eventTitle", title);
  }

  /** The device, or for staff the events and gates to choose from. */
  private static PluginResponse me(PluginContext ctx, Devices.Device d, PluginRequest req) {
    if (d != null) {
      return Web.json(200, Jsons.P.createObjectBuilder().add("device", device(ctx, d)));
    }
    JsonArrayBuilder gates = Jsons.P.createArrayBuilder();
    java.util.Map<String, java.util.List<Gates.Gate>> byEvent = Gates.byEvent(ctx);
    for (EventSummary e : ctx.events()) {
      for (Gates.Gate g : byEvent.getOrDefault(e.id(), java.util.List.of())) {
        gates.add(
            Jsons.P.createObjectBuilder()
                .add("gateId", g.id())
                .add("gateName", g.name())
                .add("eventId", e.id())
                .add("eventTitle", e.title()));
      }
    }
    return Web.json(
        200,
        Jsons.P.createObjectBuilder()
            .add("staff", String.valueOf(req.staffEmail()))
            .add("role", req.staffRole())
            .add("gates", gates));
  }

  /**
   * What the device needs offline: keys, revocations, the used set, each ticket's type. Devices
   * fetch it every few seconds; the other events' keys ({@code ?others=1}) change far less often,
   * so they come only when asked for.
   */
  private static PluginResponse kit(PluginContext ctx, Door door, boolean withOthers) {
    String eventId = door.gate().eventId();
    Optional<EventSummary> event = ctx.event(eventId);
    TicketDesk.OfflineKit kit = ctx.tickets().offlineKit(eventId);
    JsonObjectBuilder keys = Jsons.P.createObjectBuilder();
    kit.publicKeys().forEach(keys::add);
    JsonArrayBuilder revoked = Jsons.P.createArrayBuilder();
    kit.revoked().forEach(r -> revoked.add(r.ticketId() + ":" + r.serial()));
    JsonObjectBuilder types = Jsons.P.createObjectBuilder();
    // Minimal attendee data on the device: ticket id → ticket type, no names or emails.
    ctx.tickets().admissible(eventId).forEach(t -> types.add(t.ticketId(), t.ticketType()));
    JsonObjectBuilder out =
        Jsons.P.createObjectBuilder()
            .add("tenant", kit.tenant())
            .add("locale", ctx.tenant().locale())
            .add("eventId", eventId)
            .add("eventTitle", event.map(EventSummary::title).orElse(""))
            .add("gateId", door.gate().id())
            .add("gateName", door.gate().name())
            .add("keys", keys)
            .add("revoked", revoked)
            .add("used", used(ctx, eventId))
            .add("types", types)
            .add("reentry", ctx.settings().flag("reentry"))
            .add("generatedAt", kit.generatedAt().toString())
            // the app keeps its offset from this clock: a phone whose own clock is wrong still
            // checks a ticket's validity window and stamps its offline scans in server time
            .add("serverTime", Instant.now().toString());
    if (withOthers) {
      Instant anchor = event.map(EventSummary::startsAt).orElse(null);
      out.add("otherEvents", otherEvents(ctx, eventId, anchor != null ? anchor : Instant.now()));
    }
    return Web.json(200, out);
  }

  /** How many of the tenant's other events a kit carries keys for. */
  static final int OTHER_EVENTS = 10;

  /**
   * The public keys of the tenant's other events within two weeks of this one, so that an offline
   * door can tell a genuine ticket for another night ("wrong event", with its title) from a
   * forgery. Keys only: nothing about those events' attendees.
   */
  private static JsonArrayBuilder otherEvents(PluginContext ctx, String eventId, Instant anchor) {
    Duration window = Duration.ofDays(14);
    JsonArrayBuilder out = Jsons.P.createArrayBuilder();
    ctx.events().stream()
        .filter(e -> !e.id().equals(eventId))
        .filter(e -> !"draft".equals(e.status()) && !"cancelled".equals(e.status()))
        .filter(
            e ->
                e.startsAt() != null
                    && e.startsAt().isAfter(anchor.minus(window))
                    && e.startsAt().isBefore(anchor.plus(window)))
        .limit(OTHER_EVENTS)
        .forEach(
            e -> {
              JsonObjectBuilder keys = Jsons.P.createObjectBuilder();
              ctx.tickets().offlineKit(e.id()).publicKeys().forEach(keys::add);
              out.add(
                  Jsons.P.createObjectBuilder()
                      .add("eventId", e.id())
                      .add("title", e.title())
                      .add("keys", keys));
            });
    return out;
  }

  /** Tickets that cannot enter now: inside, or admitted before where there is no re-entry. */
  static JsonArrayBuilder used(PluginContext ctx, String eventId) {
    JsonArrayBuilder used = Jsons.P.createArrayBuilder();
    boolean reentry = ctx.settings().flag("reentry");
    ctx.storage()
        .query(
            "SELECT ticket_id FROM {t}.plugin_checkin_presence WHERE event_id = ?::uuid AND (inside"
                + " OR NOT ?)",
            eventId,
            reentry)
        .forEach(r -> used.add(String.valueOf(r.get("ticket_id"))));
    return used;
  }

  private static Instant when(JsonObject s, boolean offline) {
    String at = Web.text(s, "scannedAt");
    Instant now = Instant.now();
    if (!offline || at == null) {
      return now;
    }
    Instant t;
    try {
      t = Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("scannedAt must be an ISO-8601 instant");
    }
    // A device clock far off (dead battery, wrong zone) cannot push a scan into another day.
    if (t.isAfter(now.plus(MAX_SKEW)) || t.isBefore(now.minus(MAX_SKEW.multipliedBy(4)))) {
      return now;
    }
    return t.isAfter(now) ? now : t;
  }

  private static Scans.Input input(Door door, JsonObject s, boolean offline) {
    String direction = Web.text(s, "direction") == null ? "in" : Web.text(s, "direction");
    if (!direction.equals("in") && !direction.equals("out")) {
      throw new IllegalArgumentException("direction must be in or out");
    }
    String code = Web.text(s, "code");
    if (code == null || code.isBlank() || code.length() > 2000) {
      throw new IllegalArgumentException("code is required (what the scanner read)");
    }
    String nonce = Web.text(s, "nonce");
    if (!Scans.validNonce(nonce)) {
      throw new IllegalArgumentException("nonce must be 8 to 64 letters, digits, - or _");
    }
    return new Scans.Input(
        door.gate().eventId(),
        door.gate().id(),
        door.device() == null ? null : door.device().id(),
        code.strip(),
        null,
        direction,
        nonce,
        when(s, offline),
        offline,
        null,
        door.device() == null ? "staff " + door.staffEmail() : null);
  }

  static JsonObjectBuilder json(Scans.Result r) {
    JsonObjectBuilder b =
        Jsons.P.createObjectBuilder().add("nonce", r.nonce()).add("outcome", r.outcome().name());
    add(b, "ticketId", r.ticketId());
    add(b, "holderName", r.holderName());
    add(b, "ticketType", r.ticketType());
    add(b, "reason", r.reason());
    add(b, "usedAt", r.usedAt() == null ? null : r.usedAt().toString());
    add(b, "usedGate", r.usedGate());
    return b.add("replayed", r.replayed());
  }

  private static void add(JsonObjectBuilder b, String k, String v) {
    if (v != null) {
      b.add(k, v);
    }
  }

  private static PluginResponse scan(PluginContext ctx, Door door, JsonObject body) {
    return Web.json(200, json(Scans.scan(ctx, input(door, body, false))));
  }

  /** Offline scans, in any order and as often as the device likes: each nonce counts once. */
  private static PluginResponse sync(PluginContext ctx, Door door, JsonObject body) {
    if (!(body.get("scans") instanceof jakarta.json.JsonArray scans) || scans.size() > 5000) {
      throw new IllegalArgumentException("scans must be a list of at most 5000 scans");
    }
    // Oldest first, so the earliest scan of a ticket is decided first and wins without a swap.
    java.util.List<JsonObject> ordered =
        scans.stream()
            .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
            .map(JsonValue::asJsonObject)
            .sorted(
                java.util.Comparator.comparing(
                        (JsonObject s) -> String.valueOf(Web.text(s, "scannedAt")))
                    .thenComparing(s -> String.valueOf(Web.text(s, "nonce"))))
            .toList();
    JsonArrayBuilder results = Jsons.P.createArrayBuilder();
    for (JsonObject s : ordered) {
      try {
        results.add(json(Scans.scan(ctx, input(door, s, true))));
      } catch (IllegalArgumentException e) {
        results.add(
            Jsons.P.createObjectBuilder()
                .add("nonce", String.valueOf(Web.text(s, "nonce")))
                .add("outcome", "REJECTED")
                .add("reason", e.getMessage()));
      }
    }
    return Web.json(
        200,
        Jsons.P.createObjectBuilder()
            .add("results", results)
            .add("used", used(ctx, door.gate().eventId())));
  }

  private static PluginResponse heartbeat(PluginContext ctx, Door door, JsonObject b) {
    if (door.device() != null) {
      Devices.heartbeat(
          ctx,
          door.device(),
          b.containsKey("battery") && b.get("battery") instanceof jakarta.json.JsonNumber n
              ? Math.max(0, Math.min(100, n.intValue()))
              : null,
          b.containsKey("online") ? b.getBoolean("online", true) : null,
          b.get("pending") instanceof jakarta.json.JsonNumber p ? p.intValue() : null);
    }
    return Web.json(
        200, Jsons.P.createObjectBuilder().add("ok", true).add("at", Instant.now().toString()));
  }

  private static PluginResponse search(PluginContext ctx, Door door, String q) {
    JsonArrayBuilder out = Jsons.P.createArrayBuilder();
    for (TicketDesk.TicketSummary t : ctx.tickets().search(door.gate().eventId(), q, 20)) {
      out.add(
          Jsons.P.createObjectBuilder()
              .add("ticketId", t.ticketId())
              .add("holderName", t.holderName())
              .add("ticketType", t.ticketType())
              .add("status", t.status())
              .add("orderNumber", t.orderNumber()));
    }
    return Web.json(200, Jsons.P.createObjectBuilder().add("items", out));
  }

  private static JsonObjectBuilder reservationJson(TicketDesk.Reservation r) {
    return Jsons.P.createObjectBuilder()
        .add("orderNumber", r.orderNumber())
        .add("status", r.status())
        .add("buyerName", r.buyerName())
        .add("totalMinor", r.totalMinor())
        .add("currency", r.currency())
        .add("tickets", r.ticketIds().size());
  }

  private static PluginResponse reservation(PluginContext ctx, Door door, String code) {
    return ctx.tickets()
        .reservation(code)
        .filter(r -> r.eventId().equals(door.gate().eventId()))
        .map(r -> Web.json(200, reservationJson(r)))
        .orElse(Web.problem(404, "code", "no reservation with this code for this event"));
  }

  /** Takes the money at the door, issues the tickets and admits them all at this gate. */
  private static PluginResponse confirm(PluginContext ctx, Door door, JsonObject b) {
    String code = Web.text(b, "code");
    String method = Web.text(b, "method");
    if (!"cash".equals(method) && !"card".equals(method)) {
      throw new IllegalArgumentException("method must be cash or card");
    }
    TicketDesk.Reservation r =
        ctx.tickets()
            .reservation(code)
            .filter(x -> x.eventId().equals(door.gate().eventId()))
            .orElseThrow(
                () -> new IllegalArgumentException("code is not a reservation for this event"));
    TicketDesk.Reservation paid;
    try {
      paid =
          ctx.tickets()
              .confirmAtDoor(
                  code,
                  method,
                  door.device() == null ? door.staffEmail() : "device " + door.device().name());
    } catch (IllegalStateException e) {
      return Web.problem(409, "code", e.getMessage());
    }
    int admitted = 0;
    for (String ticket : paid.ticketIds()) {
      if (Scans.admitAtCounter(ctx, door, ticket)) {
        admitted++;
      }
    }
    return Web.json(200, reservationJson(paid).add("admitted", admitted));
  }
}
