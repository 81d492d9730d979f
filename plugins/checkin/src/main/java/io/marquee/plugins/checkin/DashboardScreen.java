package io.marquee.plugins.checkin;

import io.marquee.plugin.api.ConsoleScreen;
import io.marquee.plugin.api.EventSummary;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import io.marquee.plugin.api.TicketDesk;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * Console › Check-in dashboard: admitted vs sold vs capacity, per gate, admissions over time,
 * capacity alerts, suspicious activity and the latest scans, refreshed when the server pushes a
 * change (every node hears every scan) and read from the database (so every node shows the same).
 * Managers can find a ticket by name, email or order number and admit it despite a rule; every
 * override is recorded with who did it and why.
 */
@Extension
public class DashboardScreen implements ConsoleScreen {
  static final String ID = "dashboard";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title(PluginContext context) {
    return "Check-in dashboard";
  }

  @Override
  public Set<String> roles() {
    return Set.of("owner", "manager", "viewer", "door-staff");
  }

  @Override
  public PluginResponse render(PluginRequest req, PluginContext ctx) {
    EventSummary event = DevicesScreen.event(ctx, req.parameter("e"));
    boolean manager = "owner".equals(req.staffRole()) || "manager".equals(req.staffRole());
    if (req.method().equals("POST")) {
      return override(req, ctx, event, manager);
    }
    StringBuilder b = new StringBuilder("<h1>Check-in dashboard</h1>");
    b.append(DevicesScreen.picker(ctx, ID, event));
    if (event == null) {
      return PluginResponse.html(200, b.append("<p>Choose an event.</p>").toString());
    }
    if (req.parameter("done") != null) {
      b.append("<p id=\"override-done\">").append(Web.esc(req.parameter("done"))).append("</p>");
    }
    b.append("<section id=\"live\" data-event=\"")
        .append(event.id())
        .append(
            "\"><p class=\"big\"><b id=\"admitted\">–</b> admitted of <b id=\"sold\">–</b> sold")
        .append(" · <b id=\"inside\">–</b> inside · capacity <b id=\"capacity\">–</b></p>")
        .append("<ul id=\"alerts\" class=\"inline-messages\"></ul>")
        .append("<h2>Gates</h2><ul id=\"per-gate\"></ul>")
        .append(
            "<h2>Admissions per 5 minutes</h2><svg id=\"rate\" width=\"600\" height=\"140\" role=\"img\" aria-label=\"admissions over time\"></svg>")
        .append("<h2>Suspicious activity</h2><ul id=\"suspicious\"></ul>")
        .append("<h2>Latest scans</h2><ol id=\"recent\"></ol></section>")
        .append(SCRIPT);
    if (manager) {
      b.append("<h2>Find a ticket</h2><form method=\"get\" action=\"/console/plugin.xhtml\">")
          .append(
              "<input type=\"hidden\" name=\"plugin\" value=\"checkin\"><input type=\"hidden\" name=\"screen\" value=\"dashboard\">")
          .append("<input type=\"hidden\" name=\"e\" value=\"")
          .append(event.id())
          .append(
              "\"><input id=\"find\" name=\"q\" placeholder=\"name, email or order number\" value=\"")
          .append(Web.esc(req.parameter("q")))
          .append("\"> <button id=\"find-button\">Search</button></form>");
      if (req.parameter("q") != null) {
        b.append("<table id=\"found\">");
        for (TicketDesk.TicketSummary t :
            ctx.tickets().search(event.id(), req.parameter("q"), 20)) {
          b.append("<tr class=\"found\"><td>")
              .append(Web.esc(t.holderName()))
              .append("</td><td>")
              .append(Web.esc(t.ticketType()))
              .append("</td><td>")
              .append(Web.esc(t.orderNumber()))
              .append("</td><td>")
              .append(Web.esc(t.status()))
              .append("</td><td><form method=\"post\" action=\"")
              .append(ConsoleScreen.actionUrl("checkin", ID))
              .append("\"><input type=\"hidden\" name=\"e\" value=\"")
              .append(event.id())
              .append("\"><input type=\"hidden\" name=\"ticket\" value=\"")
              .append(t.ticketId())
              .append(
                  "\"><input name=\"reason\" class=\"override-reason\" placeholder=\"reason\" required maxlength=\"200\">")
              .append(
                  " <button class=\"override\">Admit despite the rules</button></form></td></tr>");
        }
        b.append("</table>");
      }
    }
    return PluginResponse.html(200, b.toString());
  }

  private static PluginResponse override(
      PluginRequest req, PluginContext ctx, EventSummary event, boolean manager) {
    if (event == null || !manager) {
      return PluginResponse.html(403, "<p>Only managers may admit despite the rules.</p>");
    }
    String reason = req.parameter("reason") == null ? "" : req.parameter("reason").strip();
    String back = "e=" + event.id();
    if (reason.isEmpty() || reason.length() > 200) {
      return PluginResponse.redirect(
          ConsoleScreen.screenUrl(
              "checkin", ID, back + "&done=" + q("Give a reason for the override.")));
    }
    String ticket = req.parameter("ticket");
    try {
      UUID.fromString(ticket);
    } catch (IllegalArgumentException | NullPointerException e) {
      return PluginResponse.redirect(ConsoleScreen.screenUrl("checkin", ID, back));
    }
    String gate = Gates.of(ctx, event.id()).stream().findFirst().map(Gates.Gate::id).orElse(null);
    Scans.Result r =
        Scans.admitTicket(
            ctx,
            event.id(),
            gate,
            null,
            ticket,
            "override-" + UUID.randomUUID(),
            req.staffEmail() == null ? req.staffRole() : req.staffEmail(),
            reason);
    return PluginResponse.redirect(
        ConsoleScreen.screenUrl("checkin", ID, back + "&done=" + q("Override: " + r.outcome())));
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Refreshes the numbers from the stats API when the server pushes that something changed
   * (server-sent events from every node, through the platform), and every minute in any case.
   */
  private static final String SCRIPT =
      "<script>(function(){var live=document.getElementById('live');if(!live)return;"
          + "var e=live.getAttribute('data-event');"
          + "function li(list,text){var x=document.createElement('li');x.textContent=text;list.appendChild(x);}"
          + "function fill(id,items,f){var l=document.getElementById(id);l.innerHTML='';items.forEach(function(i){li(l,f(i));});}"
          + "var NS='http://www.w3.org/2000/svg';function el(svg,name,attrs,text){var x=document.createElementNS(NS,name);"
          + "for(var k in attrs){x.setAttribute(k,attrs[k]);}if(text!=null){x.textContent=text;}svg.appendChild(x);return x;}"
          + "function draw(rate){var svg=document.getElementById('rate');svg.innerHTML='';var max=1;"
          + "rate.forEach(function(r){max=Math.max(max,r.admitted);});"
          + "if(!rate.length){el(svg,'text',{x:8,y:70,'font-size':13},'No admissions in the last 3 hours');return;}"
          // a margin either side, so end labels are not cut off; labels counted back from now
          + "var w=Math.min(40,Math.max(4,Math.floor(560/rate.length)-2)),every=Math.ceil(rate.length/8);"
          + "rate.forEach(function(r,i){var h=Math.round(90*r.admitted/max),x=20+i*(w+2);"
          + "el(el(svg,'rect',{x:x,y:115-h,width:w,height:h,fill:'currentColor'}),'title',{},r.slot+': '+r.admitted);"
          + "if(r.admitted&&w>=14){el(svg,'text',{x:x+w/2,y:111-h,'font-size':11,'text-anchor':'middle'},r.admitted);}"
          + "if((rate.length-1-i)%every===0){el(svg,'text',{x:x+w/2,y:133,'font-size':11,'text-anchor':'middle'},r.slot);}});}"
          + "function tick(){fetch('/plugins/checkin/api/stats?e='+encodeURIComponent(e),{credentials:'same-origin'})"
          + ".then(function(r){return r.ok?r.json():null;}).then(function(s){if(!s)return;"
          + "document.getElementById('admitted').textContent=s.admitted;document.getElementById('sold').textContent=s.sold;"
          + "document.getElementById('inside').textContent=s.inside;document.getElementById('capacity').textContent=s.capacity||'–';"
          + "fill('alerts',s.alerts,function(a){return a;});"
          + "fill('per-gate',s.gates,function(g){return g.name+': '+g.admitted+(g.capacity?' of '+g.capacity:'')+(g.vip?' (VIP)':'');});"
          + "fill('suspicious',s.suspicious,function(a){return a;});"
          + "fill('recent',s.recent,function(r){return r.at+' '+r.outcome+' at '+r.gate+(r.offline?' (offline)':'')+(r.duplicate&&r.outcome!=='DUPLICATE'?' (duplicate)':'')+(r.override?' (override)':'');});"
          + "draw(s.rate);}).catch(function(){});}"
          + "var due=null;function soon(){if(due)return;due=setTimeout(function(){due=null;tick();},200);}"
          + "tick();setInterval(tick,60000);"
          + "if(window.EventSource){var es=new EventSource('/plugins/checkin/push/dashboard-'+e);"
          + "es.onmessage=soon;es.onopen=function(){live.setAttribute('data-push','open');};}"
          + "})();</script>";
}
