package io.marquee.plugins.surveys;

import io.marquee.plugin.api.ConsoleScreen;
import io.marquee.plugin.api.EventSummary;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/** Console › Survey questions: per event, the questions asked besides the NPS. */
@Extension
public class QuestionsScreen implements ConsoleScreen {
  static final String ID = "questions";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title(PluginContext context) {
    return Text.of(context).get("screen.questions");
  }

  @Override
  public Set<String> roles() {
    return Set.of("owner", "manager");
  }

  @Override
  public PluginResponse render(PluginRequest req, PluginContext ctx) {
    Text text = Text.of(ctx);
    EventSummary event =
        req.parameter("e") == null ? null : SurveysPlugin.safeEvent(ctx, req.parameter("e"));
    if (req.method().equals("POST")) {
      return change(req, ctx, event);
    }
    StringBuilder b = new StringBuilder("<h1>" + Html.esc(text.get("screen.questions")) + "</h1>");
    b.append(ResultsScreen.eventPicker(ctx, ID, event));
    if (event == null) {
      return PluginResponse.html(200, b.toString());
    }
    if (req.parameter("problem") != null) {
      b.append("<p class=\"inline-messages\" id=\"question-problem\">")
          .append(Html.esc(text.get("questions.problem." + req.parameter("problem"))))
          .append("</p>");
    }
    List<Question> questions = Question.of(ctx, event.id());
    b.append("<p>").append(Html.esc(text.get("questions.nps"))).append("</p><ol id=\"questions\">");
    for (Question q : questions) {
      b.append("<li class=\"question\">")
          .append(Html.esc(q.label()))
          .append(" <small>(")
          .append(Html.esc(text.get("kind." + q.kind())))
          .append(q.options().isEmpty() ? "" : ": " + Html.esc(String.join(", ", q.options())))
          .append(q.required() ? ", " + Html.esc(text.get("questions.required")) : "")
          .append(")</small> <form method=\"post\" style=\"display:inline\" action=\"")
          .append(ConsoleScreen.actionUrl("surveys", ID))
          .append("\"><input type=\"hidden\" name=\"e\" value=\"")
          .append(event.id())
          .append("\"><input type=\"hidden\" name=\"remove\" value=\"")
          .append(q.id())
          .append("\"><button class=\"remove-question\">")
          .append(Html.esc(text.get("questions.remove")))
          .append("</button></form></li>");
    }
    b.append("</ol><h2>")
        .append(Html.esc(text.get("questions.add")))
        .append("</h2><form method=\"post\" id=\"add-question\" action=\"")
        .append(ConsoleScreen.actionUrl("surveys", ID))
        .append("\"><input type=\"hidden\" name=\"e\" value=\"")
        .append(event.id())
        .append("\"><p><label for=\"label\">")
        .append(Html.esc(text.get("questions.label")))
        .append("</label><br><input id=\"label\" name=\"label\" maxlength=\"300\" size=\"60\"></p>")
        .append("<p><label for=\"kind\">")
        .append(Html.esc(text.get("questions.kind")))
        .append("</label> <select id=\"kind\" name=\"kind\">");
    for (String k : Question.KINDS) {
      b.append("<option value=\"")
          .append(k)
          .append("\">")
          .append(Html.esc(text.get("kind." + k)))
          .append("</option>");
    }
    b.append("</select></p><p><label for=\"options\">")
        .append(Html.esc(text.get("questions.options")))
        .append("</label><br><input id=\"options\" name=\"options\" size=\"60\"></p>")
        .append(
            "<p><label><input type=\"checkbox\" id=\"required\" name=\"required\" value=\"yes\"> ")
        .append(Html.esc(text.get("questions.required")))
        .append("</label></p><button id=\"add\">")
        .append(Html.esc(text.get("questions.add")))
        .append("</button></form>");
    return PluginResponse.html(200, b.toString());
  }

  private static PluginResponse change(PluginRequest req, PluginContext ctx, EventSummary event) {
    if (event == null) {
      return PluginResponse.redirect(ConsoleScreen.screenUrl("surveys", ID, "problem=event"));
    }
    String back = "e=" + URLEncoder.encode(event.id(), StandardCharsets.UTF_8);
    if (req.parameter("remove") != null) {
      try {
        UUID.fromString(req.parameter("remove"));
      } catch (IllegalArgumentException e) {
        return PluginResponse.redirect(ConsoleScreen.screenUrl("surveys", ID, back));
      }
      // Kept for the answers it already has; no longer asked.
      ctx.storage()
          .update(
              "UPDATE {t}.plugin_surveys_question SET removed = true WHERE id = ?::uuid AND"
                  + " event_id = ?::uuid",
              req.parameter("remove"),
              event.id());
      return PluginResponse.redirect(ConsoleScreen.screenUrl("surveys", ID, back));
    }
    String label = req.parameter("label") == null ? "" : req.parameter("label").strip();
    String kind = req.parameter("kind");
    String options = req.parameter("options") == null ? "" : req.parameter("options").strip();
    List<String> parsed =
        java.util.Arrays.stream(options.split("[|,]"))
            .map(String::strip)
            .filter(o -> !o.isEmpty())
            .toList();
    String problem =
        label.isEmpty() || label.length() > 300
            ? "label"
            : !Question.KINDS.contains(kind)
                ? "kind"
                : kind.equals("choice") && (parsed.size() < 2 || options.length() > 1000)
                    ? "options"
                    : null;
    if (problem != null) {
      return PluginResponse.redirect(
          ConsoleScreen.screenUrl("surveys", ID, back + "&problem=" + problem));
    }
    ctx.storage()
        .update(
            "INSERT INTO {t}.plugin_surveys_question (id, event_id, position, kind, label, options,"
                + " required) SELECT ?::uuid, ?::uuid, COALESCE(max(position), 0) + 1, ?, ?, ?, ?"
                + " FROM {t}.plugin_surveys_question WHERE event_id = ?::uuid",
            UUID.randomUUID().toString(),
            event.id(),
            kind,
            label,
            kind.equals("choice") ? String.join("|", parsed) : null,
            "yes".equals(req.parameter("required")),
            event.id());
    return PluginResponse.redirect(ConsoleScreen.screenUrl("surveys", ID, back));
  }
}
