package io.marquee.plugins.surveys;

import io.marquee.plugin.api.EventSummary;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.StorefrontBlock;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.pf4j.Plugin;

/**
 * Post-event surveys and NPS (add-on proposal §10): when an event ends, each attendee with an email
 * gets a personal survey link ({@link Invitations}); the survey asks NPS 0–10, the event's own
 * questions, a comment and consent to show it ({@link SurveyPage}); staff set the questions and see
 * NPS, distributions and comments in the console ({@link QuestionsScreen}, {@link ResultsScreen});
 * consented comments become testimonials on the event page. Words in the tenant's language.
 */
public class SurveysPlugin extends Plugin {
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

  static EventSummary safeEvent(PluginContext ctx, String id) {
    try {
      return ctx.event(id).orElse(null);
    } catch (IllegalArgumentException e) {
      return null; // not an id
    }
  }

  static long count(PluginContext ctx, String sql, Object... args) {
    return ((Number) ctx.storage().query(sql, args).get(0).get("n")).longValue();
  }

  /** The consented comments, as testimonials below the event's description (unless turned off). */
  @Extension
  public static class Testimonials implements StorefrontBlock {
    @Override
    public String render(Slot slot, String eventId, PluginContext ctx) {
      if (!ctx.settings().flag("testimonials")) {
        return null;
      }
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
