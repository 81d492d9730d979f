package io.marquee.plugins.surveys;

import io.marquee.plugin.api.EventSummary;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginEndpoint;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The attendee's side, on the tenant's domain: {@code /plugins/surveys/s?k=<token>} (the survey:
 * NPS, the event's own questions, a comment, consent to show it) and {@code /testimonials?e=<event
 * id>} (public, consented comments only, as JSON).
 */
@Extension
public class SurveyPage implements PluginEndpoint {
  @Override
  public PluginResponse handle(PluginRequest req, PluginContext ctx) {
    return switch (req.path()) {
      case "/s" -> survey(req, ctx);
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
    String eventId = String.valueOf(invite.get("event_id"));
    // The event through the platform's API, never its tables.
    String title = ctx.event(eventId).map(EventSummary::title).orElse("");
    if (invite.get("answered_at") != null) {
      return thanks(text, title);
    }
    List<Question> questions = Question.of(ctx, eventId);
    if (req.method().equals("POST")) {
      Integer nps;
      try {
        nps = Integer.valueOf(String.valueOf(req.parameter("nps")));
      } catch (NumberFormatException e) {
        nps = null;
      }
      String comment = req.parameter("comment") == null ? "" : req.parameter("comment").strip();
      if (nps == null || nps < 0 || nps > 10 || comment.length() > 2000) {
        return PluginResponse.html(
            400, form(text, title, token, questions, text.get("form.problem")));
      }
      List<String> wrong = new ArrayList<>();
      for (Question q : questions) {
        q.problem(value(req, q)).ifPresent(p -> wrong.add(q.label() + " (" + p + ")"));
      }
      if (!wrong.isEmpty()) {
        return PluginResponse.html(
            400,
            form(
                text,
                title,
                token,
                questions,
                text.get("form.question.problem", String.join("; ", wrong))));
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
        for (Question q : questions) {
          String v = value(req, q);
          if (v != null && !v.isBlank()) {
            ctx.storage()
                .update(
                    "INSERT INTO {t}.plugin_surveys_answer (token, question_id, value) VALUES (?,"
                        + " ?::uuid, ?) ON CONFLICT DO NOTHING",
                    token,
                    q.id(),
                    v.strip());
          }
        }
        ctx.storage()
            .update(
                "UPDATE {t}.plugin_surveys_invite SET answered_at = now() WHERE token = ?", token);
      }
      return thanks(text, title);
    }
    return PluginResponse.html(200, form(text, title, token, questions, null));
  }

  private static String value(PluginRequest req, Question q) {
    String v = req.parameter(q.field());
    return v == null ? null : v.strip();
  }

  private static String radios(String name, List<String> values, List<String> labels) {
    StringBuilder b = new StringBuilder("<div class=\"nps\">");
    for (int i = 0; i < values.size(); i++) {
      b.append("<label><input type=\"radio\" name=\"")
          .append(name)
          .append("\" value=\"")
          .append(Html.esc(values.get(i)))
          .append("\" id=\"")
          .append(name)
          .append("-")
          .append(i)
          .append("\"> ")
          .append(Html.esc(labels.get(i)))
          .append("</label>");
    }
    return b.append("</div>").toString();
  }

  private static String form(
      Text text, String title, String token, List<Question> questions, String problem) {
    List<String> zeroToTen = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      zeroToTen.add(String.valueOf(i));
    }
    StringBuilder own = new StringBuilder();
    for (Question q : questions) {
      own.append("<fieldset class=\"question\" data-kind=\"")
          .append(q.kind())
          .append("\"><legend>")
          .append(Html.esc(q.label()))
          .append(q.required() ? " *" : "")
          .append("</legend>");
      switch (q.kind()) {
        case "rating" -> {
          List<String> stars = List.of("1", "2", "3", "4", "5");
          own.append(radios(q.field(), stars, stars));
        }
        case "choice" -> own.append(radios(q.field(), q.options(), q.options()));
        default ->
            own.append("<textarea name=\"")
                .append(q.field())
                .append("\" id=\"")
                .append(q.field())
                .append("\" rows=\"3\" maxlength=\"2000\" style=\"width:100%\"></textarea>");
      }
      own.append("</fieldset>");
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
            + "</legend>"
            + radios("nps", zeroToTen, zeroToTen)
            + "</fieldset>"
            + own
            + "<p><label for=\"comment\">"
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

  private static PluginResponse testimonials(PluginRequest req, PluginContext ctx) {
    String eventId = req.parameter("e");
    EventSummary event = eventId == null ? null : SurveysPlugin.safeEvent(ctx, eventId);
    if (event == null) {
      return PluginResponse.json(404, "{\"items\":[]}");
    }
    StringBuilder json = new StringBuilder("{\"items\":[");
    List<Map<String, Object>> rows = SurveysPlugin.consented(ctx, event.id(), 20);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"nps\":")
          .append(r.get("nps"))
          .append(",\"name\":\"")
          .append(Nps.jsonText(SurveysPlugin.firstName(r)))
          .append("\",\"comment\":\"")
          .append(Nps.jsonText((String) r.get("comment")))
          .append("\"}");
    }
    return PluginResponse.json(200, json.append("]}").toString());
  }
}
