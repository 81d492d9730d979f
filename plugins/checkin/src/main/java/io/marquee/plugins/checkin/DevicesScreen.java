package io.marquee.plugins.checkin;

import io.marquee.plugin.api.ConsoleScreen;
import io.marquee.plugin.api.EventSummary;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Console › Gates and devices: per event, its gates (name, location, capacity, VIP lane) and door
 * devices: provision one (a one-time code the app takes), see its last heartbeat, battery and
 * online state, revoke it.
 */
@Extension
public class DevicesScreen implements ConsoleScreen {
  static final String ID = "door";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title(PluginContext context) {
    return "Gates and devices";
  }

  @Override
  public Set<String> roles() {
    return Set.of("owner", "manager");
  }

  /** One of the tenant's events, or null for anything else (including text that is no id). */
  static EventSummary event(PluginContext ctx, String id) {
    if (id == null) {
      return null;
    }
    try {
      return ctx.event(id).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String picker(PluginContext ctx, String screen, EventSummary chosen) {
    StringBuilder b = new StringBuilder("<ul class=\"checkin-events\" id=\"checkin-events\">");
    for (EventSummary e : ctx.events()) {
      boolean on = chosen != null && chosen.id().equals(e.id());
      b.append("<li>")
          .append(on ? "<b>" : "")
          .append("<a class=\"checkin-event\" href=\"")
          .append(Web.esc(ConsoleScreen.screenUrl("checkin", screen, "e=" + e.id())))
          .append("\">")
          .append(Web.esc(e.title()))
          .append("</a>")
          .append(on ? "</b>" : "")
          .append("</li>");
    }
    return b.append("</ul>").toString();
  }

  @Override
  public PluginResponse render(PluginRequest req, PluginContext ctx) {
    EventSummary event = event(ctx, req.parameter("e"));
    if (req.method().equals("POST")) {
      return change(req, ctx, event);
    }
    StringBuilder b = new StringBuilder("<h1>Gates and devices</h1>");
    b.append(picker(ctx, ID, event));
    if (event == null) {
      return PluginResponse.html(200, b.append("<p>Choose an event.</p>").toString());
    }
    if (req.parameter("problem") != null) {
      b.append("<p class=\"inline-messages\" id=\"door-problem\">")
          .append(Web.esc(req.parameter("problem")))
          .append("</p>");
    }
    if (req.parameter("claim") != null && req.parameter("claim").matches("[A-Z0-9]{8}")) {
      String code = req.parameter("claim");
      String link = req.baseUrl() + "/plugins/checkin/assets/app.html#claim=" + code;
      // The phone scans this QR (its own camera opens the app with the code filled in; the app's
      // "Scan set-up QR" claims it at once) or staff type the code. Drawn in the browser by the
      // encoder this plugin ships, so the console needs no image service.
      b.append("<div class=\"claim\" id=\"claim\"><p>Scan this with the door phone, or open <b>")
          .append(Web.esc(req.baseUrl()))
          .append("/plugins/checkin/</b> on it and enter the code, within 15 minutes:</p>")
          .append("<div id=\"claim-qr\" data-text=\"")
          .append(Web.esc(link))
          .append("\" style=\"display:inline-block;background:#fff;padding:4px\"></div>")
          .append(
              "<p style=\"font-size:2.5rem;letter-spacing:.3rem;font-family:monospace\" id=\"claim-code\">")
          .append(code)
          .append("</p><p><a href=\"")
          .append(Web.esc(link))
          .append("\">Link for this device</a></p></div>")
          .append("<script src=\"/plugins/checkin/assets/vendor/qrcode/qrcode.js\"></script>")
          .append(
              "<script>(function(){var el=document.getElementById('claim-qr');if(!el||!window.qrcode)return;"
                  + "var q=qrcode(0,'M');q.addData(el.getAttribute('data-text'));q.make();"
                  + "el.innerHTML=q.createSvgTag({cellSize:5,margin:4,alt:'Set-up QR code'});})();</script>");
    }
    List<Gates.Gate> gates = Gates.of(ctx, event.id());
    b.append(
        "<h2>Gates</h2><table id=\"gates\"><tr><th>Gate</th><th>Location</th><th>Capacity</th><th>VIP</th></tr>");
    for (Gates.Gate g : gates) {
      b.append("<tr class=\"gate\"><td>")
          .append(Web.esc(g.name()))
          .append("</td><td>")
          .append(Web.esc(g.location()))
          .append("</td><td>")
          .append(g.capacity() == null ? "–" : g.capacity())
          .append("</td><td>")
          .append(g.vip() ? "VIP" : "")
          .append("</td></tr>");
    }
    String action = ConsoleScreen.actionUrl("checkin", ID);
    String hiddenEvent = "<input type=\"hidden\" name=\"e\" value=\"" + event.id() + "\">";
    b.append("</table><form method=\"post\" id=\"add-gate\" action=\"")
        .append(action)
        .append("\">")
        .append(hiddenEvent)
        .append("<input type=\"hidden\" name=\"do\" value=\"gate\">")
        .append("<label>Name <input id=\"gate-name\" name=\"name\" maxlength=\"80\"></label> ")
        .append("<label>Location <input name=\"location\" maxlength=\"200\"></label> ")
        .append(
            "<label>Capacity <input id=\"gate-capacity\" name=\"capacity\" size=\"6\"></label> ")
        .append("<label><input type=\"checkbox\" name=\"vip\" value=\"yes\"> VIP lane</label> ")
        .append("<button id=\"add-gate-button\">Add gate</button></form>");
    b.append(
        "<h2>Devices</h2><table id=\"devices\"><tr><th>Device</th><th>Gate</th><th>Staff</th><th>State</th><th>Last heartbeat</th><th>Battery</th><th>Queued</th><th></th></tr>");
    for (Map<String, Object> d :
        ctx.storage()
            .query(
                "SELECT d.id, d.name, g.name AS gate, d.staff, d.claimed_at, d.revoked_at,"
                    + " to_char(d.last_seen_at, 'YYYY-MM-DD HH24:MI:SS') AS seen, d.battery,"
                    + " d.online, d.pending, d.last_seen_at > now() - interval '2 minutes' AS"
                    + " recent FROM {t}.plugin_checkin_device d JOIN {t}.plugin_checkin_gate g ON"
                    + " g.id = d.gate_id WHERE g.event_id = ?::uuid ORDER BY d.created_at",
                event.id())) {
      String state =
          d.get("revoked_at") != null
              ? "revoked"
              : d.get("claimed_at") == null
                  ? "waiting for its code"
                  : Boolean.TRUE.equals(d.get("recent")) && !Boolean.FALSE.equals(d.get("online"))
                      ? "online"
                      : "offline";
      b.append("<tr class=\"device\" data-state=\"")
          .append(state)
          .append("\"><td>")
          .append(Web.esc((String) d.get("name")))
          .append("</td><td>")
          .append(Web.esc((String) d.get("gate")))
          .append("</td><td>")
          .append(Web.esc((String) d.get("staff")))
          .append("</td><td class=\"device-state\">")
          .append(state)
          .append("</td><td>")
          .append(d.get("seen") == null ? "–" : Web.esc((String) d.get("seen")))
          .append("</td><td>")
          .append(d.get("battery") == null ? "–" : d.get("battery") + " %")
          .append("</td><td>")
          .append(d.get("pending") == null ? "–" : d.get("pending"))
          .append("</td><td>");
      if (d.get("revoked_at") == null) {
        b.append("<form method=\"post\" action=\"")
            .append(action)
            .append("\">")
            .append(hiddenEvent)
            .append(
                "<input type=\"hidden\" name=\"do\" value=\"revoke\"><input type=\"hidden\" name=\"device\" value=\"")
            .append(d.get("id"))
            .append(
                "\"><button class=\"revoke-device\" onclick=\"return confirm('Revoke this device? It can no longer scan.')\">Revoke</button></form>");
      }
      b.append("</td></tr>");
    }
    b.append("</table>");
    if (gates.isEmpty()) {
      b.append("<p>Add a gate first: every device works at a gate.</p>");
    } else {
      b.append("<form method=\"post\" id=\"add-device\" action=\"")
          .append(action)
          .append("\">")
          .append(hiddenEvent)
          .append("<input type=\"hidden\" name=\"do\" value=\"device\">")
          .append("<label>Name <input id=\"device-name\" name=\"name\" maxlength=\"80\"></label> ")
          .append("<label>Gate <select id=\"device-gate\" name=\"gate\">");
      for (Gates.Gate g : gates) {
        b.append("<option value=\"")
            .append(g.id())
            .append("\">")
            .append(Web.esc(g.name()))
            .append("</option>");
      }
      b.append("</select></label> <label>Staff <input name=\"staff\" maxlength=\"200\"></label> ")
          .append("<button id=\"add-device-button\">Provision device</button></form>");
    }
    return PluginResponse.html(200, b.toString());
  }

  private static PluginResponse back(EventSummary event, String extra) {
    return PluginResponse.redirect(
        ConsoleScreen.screenUrl(
            "checkin",
            ID,
            (event == null ? "" : "e=" + event.id()) + (extra == null ? "" : "&" + extra)));
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static PluginResponse change(PluginRequest req, PluginContext ctx, EventSummary event) {
    if (event == null) {
      return back(null, "problem=" + q("Choose an event first."));
    }
    String what = String.valueOf(req.parameter("do"));
    switch (what) {
      case "gate" -> {
        Map<String, String> p =
            Gates.add(
                ctx,
                event.id(),
                req.parameter("name"),
                req.parameter("location"),
                req.parameter("capacity"),
                "yes".equals(req.parameter("vip")));
        return back(event, p.isEmpty() ? null : "problem=" + q(p.values().iterator().next()));
      }
      case "device" -> {
        String name = req.parameter("name") == null ? "" : req.parameter("name").strip();
        var gate =
            Gates.find(ctx, req.parameter("gate")).filter(g -> g.eventId().equals(event.id()));
        if (name.isEmpty() || name.length() > 80 || gate.isEmpty()) {
          return back(event, "problem=" + q("A device needs a name and a gate of this event."));
        }
        String staff = req.parameter("staff");
        String code =
            Devices.create(
                ctx,
                name,
                gate.get().id(),
                staff == null || staff.isBlank() ? null : staff.strip());
        return back(event, "claim=" + code);
      }
      case "revoke" -> {
        String device = req.parameter("device");
        if (device != null && device.matches("[0-9a-f-]{36}")) {
          Devices.revoke(ctx, device);
        }
        return back(event, null);
      }
      default -> {
        return back(event, null);
      }
    }
  }
}
