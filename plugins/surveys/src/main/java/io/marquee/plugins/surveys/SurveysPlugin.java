package io.marquee.plugins.surveys;

import io.marquee.plugin.api.Attendee;
import io.marquee.plugin.api.DomainEvent;
import io.marquee.plugin.api.DomainEventListener;
import io.marquee.plugin.api.EventSummary;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginEndpoint;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import io.marquee.plugin.api.StorefrontBlock;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;
import org.pf4j.Plugin;

/**
 * Post-event surveys and NPS (add-on proposal §10): when an event ends, each attendee with an email
 * gets a personal survey link; answers are NPS 0–10, a comment and consent to show it as a public
 * testimonial; staff see NPS, the distribution and comments. Words in the tenant's language.
 */
public class SurveysPlugin extends Plugin {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Invites the attendees of an ended event, each once (redelivered events send nothing new). */
  @Extension
  public static class Invitations implements DomainEventListener {
    @Override
    public Set<String> types() {
      return Set.of("event.ended");
    }

    @Override
    public void on(DomainEvent e, PluginContext ctx) throws Exception {
      EventSummary event = ctx.event(e.aggregateId()).orElse(null);
      if (event == null) {
        return;
      }
      Text text = Text.of(ctx);
      for (Attendee a : ctx.attendees(event.id())) {
        if (a.email() == null) {
          continue;
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        List<Map<String, Object>> created =
            ctx.storage()
                .query(
                    "INSERT INTO {t}.plugin_surveys_invite (token, event_id, ticket_id, name, email)"
                        + " VALUES (?, ?::uuid, ?::uuid, ?, ?) ON CONFLICT (event_id, ticket_id) DO"
                        + " NOTHING RETURNING token",
                    HexFormat.of().formatHex(raw),
                    event.id(),
                    a.ticketId(),
                    a.name(),
                    a.email());
        if (created.isEmpty()) {
          continue; // invited before
        }
        String token = (String) created.get(0).get("token");
        String link = ctx.baseUrl() + "/plugins/surveys/s?k=" + token;
        ctx.sendMail(
            a.email(),
            text.get("mail.subject", event.title()),
            text.get("mail.body", Html.esc(a.name()), Html.esc(event.title()), Html.esc(link)));
        ctx.storage()
            .update("UPDATE {t}.plugin_surveys_invite SET sent_at = now() WHERE token = ?", token);
      }
    }
  }

  /**
   * {@code /plugins/surveys/s?k=<token>} (the attendee's survey), {@code /results?e=<event id>}
   * (staff) and {@code /testimonials?e=<event id>} (public, consented comments only).
   */
  @Extension
  public static class Pages implements PluginEndpoint {
    @Override
    public PluginResponse handle(PluginRequest req, PluginContext ctx) {
      return switch (req.path()) {
        case "/s" -> survey(req, ctx);
        case "/results" -> results(req, ctx);
        case "/testimonials" -> testimonials(req, ctx);
        default -> PluginResponse.html(404, Html.page("404", "<h1>404</h1>"));
      };
    }

    private static PluginResponse survey(PluginRequest req, PluginContext ctx) {
      Text text = Text.of(ctx);
      String token = req.parameter("k");
      List<Map<String, Object>> found =
          token == null || !token.matches("[0-9a-f]{48}")
              ? List.of()
              : ctx.storage()
                  .query(
                      "SELECT token, name, answered_at, event_id FROM {t}.plugin_surveys_invite"
                          + " WHERE token = ?",
                      token);
      if (found.isEmpty()) {
        String invalid = text.get("invalid");
        return PluginResponse.html(404, Html.page(invalid, "<h1>" + Html.esc(invalid) + "</h1>"));
      }
      Map<String, Object> invite = found.get(0);
      // The event through the platform's API, never its tables.
      String title =
          ctx.event(String.valueOf(invite.get("event_id"))).map(EventSummary::title).orElse("");
      if (invite.get("answered_at") != null) {
        return thanks(text, title);
      }
      if (req.method().equals("POST")) {
        Integer nps;
        try {
          nps = Integer.valueOf(String.valueOf(req.parameter("nps")));
        } catch (NumberFormatException e) {
          nps = null;
        }
        String comment = req.parameter("comment") == null ? "" : req.parameter("comment").strip();
        if (nps == null || nps < 0 || nps > 10 || comment.length() > 2000) {
          return PluginResponse.html(400, form(text, title, token, text.get("form.problem")));
        }
        int stored =
            ctx.storage()
                .update(
                    "INSERT INTO {t}.plugin_surveys_response (token, event_id, nps, comment,"
                        + " public_consent) SELECT token, event_id, ?, ?, ? FROM"
                        + " {t}.plugin_surveys_invite WHERE token = ? ON CONFLICT DO NOTHING",
                    nps,
                    comment.isEmpty() ? null : comment,
                    "yes".equals(req.parameter("consent")),
                    token);
        if (stored == 1) {
          ctx.storage()
              .update(
                  "UPDATE {t}.plugin_surveys_invite SET answered_at = now() WHERE token = ?",
                  token);
        }
        return thanks(text, title);
      }
      return PluginResponse.html(200, form(text, title, token, null));
    }

    private static String form(Text text, String title, String token, String problem) {
      StringBuilder nps = new StringBuilder();
      for (int i = 0; i <= 10; i++) {
        nps.append("<label><input type=\"radio\" name=\"nps\" value=\"")
            .append(i)
            .append("\" id=\"nps-")
            .append(i)
            .append("\"> ")
            .append(i)
            .append("</label>");
      }
      String heading = text.get("form.title", title);
      return Html.page(
          heading,
          "<h1>"
              + Html.esc(heading)
              + "</h1>"
              + (problem == null
                  ? ""
                  : "<p class=\"messages\" id=\"problem\">" + Html.esc(problem) + "</p>")
              + "<form method=\"post\" action=\"/plugins/surveys/s?k="
              + token
              + "\"><fieldset><legend>"
              + Html.esc(text.get("form.nps"))
              + "</legend><div class=\"nps\">"
              + nps
              + "</div></fieldset><p><label for=\"comment\">"
              + Html.esc(text.get("form.comment"))
              + "</label><br><textarea id=\"comment\" name=\"comment\" rows=\"4\""
              + " maxlength=\"2000\" style=\"width:100%\"></textarea></p><p><label><input"
              + " type=\"checkbox\" name=\"consent\" value=\"yes\" id=\"consent\"> "
              + Html.esc(text.get("form.consent"))
              + "</label></p><button class=\"btn\" type=\"submit\" id=\"send\">"
              + Html.esc(text.get("form.send"))
              + "</button></form>");
    }

    private static PluginResponse thanks(Text text, String title) {
      String heading = text.get("thanks.title");
      return PluginResponse.html(
          200,
          Html.page(
              heading,
              "<h1 id=\"thanks\">"
                  + Html.esc(heading)
                  + "</h1><p>"
                  + Html.esc(text.get("thanks.body", title))
                  + "</p>"));
    }

    private static PluginResponse results(PluginRequest req, PluginContext ctx) {
      Text text = Text.of(ctx);
      if (req.staffRole() == null) {
        String only = text.get("staff.only");
        return PluginResponse.html(403, Html.page(only, "<h1>" + Html.esc(only) + "</h1>"));
      }
      String eventId = req.parameter("e");
      EventSummary event = eventId == null ? null : safeEvent(ctx, eventId);
      if (event == null) {
        return PluginResponse.html(404, Html.page("404", "<h1>404</h1>"));
      }
      List<Map<String, Object>> rows =
          ctx.storage()
              .query(
                  "SELECT r.nps, r.comment, r.public_consent, i.name FROM"
                      + " {t}.plugin_surveys_response r JOIN {t}.plugin_surveys_invite i ON"
                      + " i.token = r.token WHERE r.event_id = ?::uuid ORDER BY r.created_at",
                  event.id());
      long[] counts = new long[11];
      StringBuilder comments = new StringBuilder();
      for (Map<String, Object> r : rows) {
        int n = ((Number) r.get("nps")).intValue();
        counts[n]++;
        if (r.get("comment") != null) {
          comments
              .append("<li>")
              .append(n)
              .append(": ")
              .append(Html.esc((String) r.get("comment")))
              .append(
                  Boolean.TRUE.equals(r.get("public_consent"))
                      ? " <small>" + Html.esc(text.get("results.shown")) + "</small>"
                      : "")
              .append("</li>");
        }
      }
      int score = Nps.score(counts);
      StringBuilder dist = new StringBuilder();
      for (int i = 0; i <= 10; i++) {
        dist.append("<div>")
            .append(i)
            .append(" <span class=\"bar\" style=\"width:")
            .append(counts[i] * 20)
            .append("px\"></span> ")
            .append(counts[i])
            .append("</div>");
      }
      long invited =
          ((Number)
                  ctx.storage()
                      .query(
                          "SELECT count(*) AS n FROM {t}.plugin_surveys_invite WHERE event_id ="
                              + " ?::uuid",
                          event.id())
                      .get(0)
                      .get("n"))
              .longValue();
      String heading = text.get("results.title", event.title());
      return PluginResponse.html(
          200,
          Html.page(
              heading,
              "<h1>"
                  + Html.esc(heading)
                  + "</h1><p>"
                  + Html.esc(text.get("results.answers"))
                  + ": <b id=\"answers\">"
                  + rows.size()
                  + "</b> "
                  + Html.esc(text.get("results.of", invited))
                  + " · NPS <b id=\"nps\">"
                  + (rows.isEmpty() ? "–" : String.valueOf(score))
                  + "</b></p><h2>"
                  + Html.esc(text.get("results.distribution"))
                  + "</h2>"
                  + dist
                  + "<h2>"
                  + Html.esc(text.get("results.comments"))
                  + "</h2><ul id=\"comments\">"
                  + comments
                  + "</ul>"));
    }

    private static PluginResponse testimonials(PluginRequest req, PluginContext ctx) {
      String eventId = req.parameter("e");
      EventSummary event = eventId == null ? null : safeEvent(ctx, eventId);
      if (event == null) {
        return PluginResponse.json(404, "{\"items\":[]}");
      }
      StringBuilder json = new StringBuilder("{\"items\":[");
      List<Map<String, Object>> rows = consented(ctx, event.id(), 20);
      for (int i = 0; i < rows.size(); i++) {
        Map<String, Object> r = rows.get(i);
        json.append(i == 0 ? "" : ",")
            .append("{\"nps\":")
            .append(r.get("nps"))
            .append(",\"name\":\"")
            .append(Nps.jsonText(firstName(r)))
            .append("\",\"comment\":\"")
            .append(Nps.jsonText((String) r.get("comment")))
            .append("\"}");
      }
      return PluginResponse.json(200, json.append("]}").toString());
    }

    private static EventSummary safeEvent(PluginContext ctx, String id) {
      try {
        return ctx.event(id).orElse(null);
      } catch (IllegalArgumentException e) {
        return null; // not an id
      }
    }
  }

  /** Comments whose authors agreed to show them, newest first. */
  static List<Map<String, Object>> consented(PluginContext ctx, String eventId, int limit) {
    return ctx.storage()
        .query(
            "SELECT r.nps, r.comment, i.name FROM {t}.plugin_surveys_response r JOIN"
                + " {t}.plugin_surveys_invite i ON i.token = r.token WHERE r.event_id = ?::uuid"
                + " AND r.public_consent AND r.comment IS NOT NULL ORDER BY r.created_at DESC"
                + " LIMIT ?",
            eventId,
            limit);
  }

  static String firstName(Map<String, Object> row) {
    return String.valueOf(row.get("name")).split("\\s+")[0];
  }

  /** The consented comments, as testimonials below the event's description. */
  @Extension
  public static class Testimonials implements StorefrontBlock {
    @Override
    public String render(Slot slot, String eventId, PluginContext ctx) {
      List<Map<String, Object>> rows = consented(ctx, eventId, 5);
      if (rows.isEmpty()) {
        return null;
      }
      StringBuilder b =
          new StringBuilder("<section id=\"testimonials\"><h2>")
              .append(Html.esc(Text.of(ctx).get("testimonials")))
              .append("</h2>");
      for (Map<String, Object> r : rows) {
        b.append("<blockquote class=\"testimonial\">“")
            .append(Html.esc((String) r.get("comment")))
            .append("” <cite>")
            .append(Html.esc(firstName(r)))
            .append(", ")
            .append(r.get("nps"))
            .append("/10</cite></blockquote>");
      }
      return b.append("</section>").toString();
    }
  }
}
