package io.marquee.plugins.surveys;

import io.marquee.plugin.api.ConsoleScreen;
import io.marquee.plugin.api.EventSummary;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/** Console › Survey results: per event, answers, NPS, its distribution, questions and comments. */
@Extension
public class ResultsScreen implements ConsoleScreen {
  static final String ID = "results";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title(PluginContext context) {
    return Text.of(context).get("screen.results");
  }

  @Override
  public Set<String> roles() {
    return Set.of("owner", "manager", "finance", "viewer");
  }

  /** A list of the tenant's events, each a link to this screen for it (the chosen one bold). */
  static String eventPicker(PluginContext ctx, String screen, EventSummary chosen) {
    StringBuilder b = new StringBuilder("<ul class=\"survey-events\" id=\"survey-events\">");
    for (EventSummary e : ctx.events()) {
      boolean on = chosen != null && chosen.id().equals(e.id());
      b.append("<li>")
          .append(on ? "<b>" : "")
          .append("<a class=\"survey-event\" href=\"")
          .append(Html.esc(ConsoleScreen.screenUrl("surveys", screen, "e=" + e.id())))
          .append("\">")
          .append(Html.esc(e.title()))
          .append("</a> <small>")
          .append(Html.esc(String.valueOf(e.startsAt()).substring(0, 10)))
          .append(", ")
          .append(Html.esc(e.status()))
          .append("</small>")
          .append(on ? "</b>" : "")
          .append("</li>");
    }
    return b.append("</ul>").toString();
  }

  @Override
  public PluginResponse render(PluginRequest req, PluginContext ctx) {
    Text text = Text.of(ctx);
    EventSummary event =
        req.parameter("e") == null ? null : SurveysPlugin.safeEvent(ctx, req.parameter("e"));
    StringBuilder b = new StringBuilder("<h1>" + Html.esc(text.get("screen.results")) + "</h1>");
    b.append(eventPicker(ctx, ID, event));
    if (event == null) {
      return PluginResponse.html(200, b.toString());
    }
    List<Map<String, Object>> rows =
        ctx.storage()
            .query(
                "SELECT r.nps, r.comment, r.public_consent FROM {t}.plugin_surveys_response r"
                    + " WHERE r.event_id = ?::uuid ORDER BY r.created_at",
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
    long invited =
        SurveysPlugin.count(
            ctx,
            "SELECT count(*) AS n FROM {t}.plugin_surveys_invite WHERE event_id = ?::uuid",
            event.id());
    b.append("<h2>")
        .append(Html.esc(text.get("results.title", event.title())))
        .append("</h2><p>")
        .append(Html.esc(text.get("results.answers")))
        .append(": <b id=\"answers\">")
        .append(rows.size())
        .append("</b> ")
        .append(Html.esc(text.get("results.of", invited)))
        .append(" · NPS <b id=\"nps\">")
        .append(rows.isEmpty() ? "–" : String.valueOf(Nps.score(counts)))
        .append("</b></p><h3>")
        .append(Html.esc(text.get("results.distribution")))
        .append("</h3>")
        .append(bars("nps", counts, 0));
    for (Question q : allQuestions(ctx, event.id())) {
      b.append("<h3 class=\"question-result\">").append(Html.esc(q.label())).append("</h3>");
      List<Map<String, Object>> answers =
          ctx.storage()
              .query(
                  "SELECT value, count(*) AS n FROM {t}.plugin_surveys_answer WHERE question_id ="
                      + " ?::uuid GROUP BY value ORDER BY value",
                  q.id());
      if (q.kind().equals("text")) {
        b.append("<ul class=\"text-answers\">");
        for (Map<String, Object> a :
            ctx.storage()
                .query(
                    "SELECT value FROM {t}.plugin_surveys_answer WHERE question_id = ?::uuid",
                    q.id())) {
          b.append("<li>").append(Html.esc((String) a.get("value"))).append("</li>");
        }
        b.append("</ul>");
        continue;
      }
      Map<String, Long> byValue = new LinkedHashMap<>();
      if (q.kind().equals("rating")) {
        for (int i = 1; i <= 5; i++) {
          byValue.put(String.valueOf(i), 0L);
        }
      } else {
        q.options().forEach(o -> byValue.put(o, 0L));
      }
      long total = 0;
      long sum = 0;
      for (Map<String, Object> a : answers) {
        long n = ((Number) a.get("n")).longValue();
        byValue.put((String) a.get("value"), n);
        total += n;
        if (q.kind().equals("rating")) {
          sum += n * Integer.parseInt((String) a.get("value"));
        }
      }
      if (q.kind().equals("rating") && total > 0) {
        b.append("<p>")
            .append(Html.esc(text.get("results.average")))
            .append(": <b class=\"rating-average\">")
            .append(
                java.math.BigDecimal.valueOf(sum)
                    .divide(java.math.BigDecimal.valueOf(total), 1, java.math.RoundingMode.HALF_UP))
            .append("</b> / 5</p>");
      }
      b.append("<div class=\"distribution\">");
      byValue.forEach(
          (v, n) ->
              b.append("<div class=\"answer\" data-value=\"")
                  .append(Html.esc(v))
                  .append("\">")
                  .append(Html.esc(v))
                  .append(
                      " <span class=\"bar\" style=\"display:inline-block;background:currentColor;height:.8rem;width:")
                  .append(n * 20)
                  .append("px\"></span> <span class=\"count\">")
                  .append(n)
                  .append("</span></div>"));
      b.append("</div>");
    }
    b.append("<h3>")
        .append(Html.esc(text.get("results.comments")))
        .append("</h3><ul id=\"comments\">")
        .append(comments)
        .append("</ul>");
    return PluginResponse.html(200, b.toString());
  }

  /** Every question the event had, removed ones too (their answers still count). */
  private static List<Question> allQuestions(PluginContext ctx, String eventId) {
    return ctx
        .storage()
        .query(
            "SELECT id, kind, label, options FROM {t}.plugin_surveys_question WHERE event_id ="
                + " ?::uuid ORDER BY position",
            eventId)
        .stream()
        .map(
            r ->
                new Question(
                    String.valueOf(r.get("id")),
                    (String) r.get("kind"),
                    (String) r.get("label"),
                    r.get("options") == null
                        ? List.of()
                        : List.of(((String) r.get("options")).split("\\|")),
                    false))
        .toList();
  }

  private static String bars(String name, long[] counts, int first) {
    StringBuilder b =
        new StringBuilder("<div class=\"distribution\" id=\"" + name + "-distribution\">");
    for (int i = 0; i < counts.length; i++) {
      b.append("<div>")
          .append(i + first)
          .append(
              " <span class=\"bar\" style=\"display:inline-block;background:currentColor;height:.8rem;width:")
          .append(counts[i] * 20)
          .append("px\"></span> ")
          .append(counts[i])
          .append("</div>");
    }
    return b.append("</div>").toString();
  }
}
