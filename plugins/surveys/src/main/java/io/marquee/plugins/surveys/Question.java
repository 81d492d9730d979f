package io.marquee.plugins.surveys;

import io.marquee.plugin.api.PluginContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A question of an event's survey besides the NPS: a rating from 1 to 5, one choice among options,
 * or free text. Staff set them per event in the console; an answered question is never deleted
 * (removing hides it from new answers and keeps its results).
 */
record Question(String id, String kind, String label, List<String> options, boolean required) {
  static final List<String> KINDS = List.of("rating", "choice", "text");

  static List<Question> of(PluginContext ctx, String eventId) {
    List<Question> out = new ArrayList<>();
    for (Map<String, Object> r :
        ctx.storage()
            .query(
                "SELECT id, kind, label, options, required FROM {t}.plugin_surveys_question WHERE"
                    + " event_id = ?::uuid AND NOT removed ORDER BY position, label",
                eventId)) {
      out.add(
          new Question(
              String.valueOf(r.get("id")),
              (String) r.get("kind"),
              (String) r.get("label"),
              r.get("options") == null
                  ? List.of()
                  : Arrays.stream(((String) r.get("options")).split("\\|"))
                      .map(String::strip)
                      .filter(o -> !o.isEmpty())
                      .toList(),
              Boolean.TRUE.equals(r.get("required"))));
    }
    return out;
  }

  /** The form field of this question. */
  String field() {
    return "q-" + id;
  }

  /** Why {@code value} is not an answer to this question, or empty (blank = not answered). */
  Optional<String> problem(String value) {
    if (value == null || value.isBlank()) {
      return required ? Optional.of("required") : Optional.empty();
    }
    return switch (kind) {
      case "rating" -> value.matches("[1-5]") ? Optional.empty() : Optional.of("1 to 5");
      case "choice" ->
          options.contains(value) ? Optional.empty() : Optional.of("one of the options");
      default ->
          value.length() <= 2000 ? Optional.empty() : Optional.of("at most 2,000 characters");
    };
  }
}
