package io.marquee.plugins.testing.recorder;

import io.marquee.plugin.api.DomainEvent;
import io.marquee.plugin.api.DomainEventListener;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginEndpoint;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import org.pf4j.Extension;
import org.pf4j.Plugin;

/** A well-behaved plugin: takes every event at once, and meters one unit per issued ticket. */
public class RecorderPlugin extends Plugin {
  /** Accepts every event; bills a "ticket" unit per issued ticket (twice, to prove idempotency). */
  @Extension
  public static class Listener implements DomainEventListener {
    @Override
    public void on(DomainEvent event, PluginContext context) {
      if (!event.payloadJson().startsWith("{")) {
        throw new IllegalArgumentException("a domain event's payload is a JSON object");
      }
      context
          .storage()
          .update(
              "INSERT INTO {t}.plugin_recorder_event (id, type) VALUES (?, ?) ON CONFLICT DO NOTHING",
              event.id(),
              event.type());
      if (event.type().equals("ticket.issued")) {
        String tracking = "ticket-issued-" + event.id();
        context.recordUsage("ticket", 1, tracking);
        // the same fact again (as after a redelivery): the platform must not bill it twice
        context.recordUsage("ticket", 1, tracking);
      }
    }
  }

  /** {@code GET /plugins/recorder/count}: how many events this tenant's recorder has stored. */
  @Extension
  public static class Count implements PluginEndpoint {
    @Override
    public PluginResponse handle(PluginRequest request, PluginContext context) {
      if (!request.path().equals("/count")) {
        return PluginResponse.json(404, "{\"error\":\"no such page\"}");
      }
      Object n =
          context
              .storage()
              .query("SELECT count(*) AS n FROM {t}.plugin_recorder_event")
              .get(0)
              .get("n");
      return PluginResponse.json(
          200, "{\"tenant\":\"" + context.tenant().slug() + "\",\"events\":" + n + "}");
    }
  }

  /** A special price: ticket types named "Recorder special" cost 1 minor unit while it is on. */
  @Extension
  public static class Special implements io.marquee.plugin.api.CheckoutContributor {
    @Override
    public java.util.List<PriceAdjustment> beforeHold(CheckoutDraft draft, PluginContext context) {
      return draft.lines().stream()
          .filter(l -> l.ticketTypeName().equals("Recorder special"))
          .map(l -> new PriceAdjustment(l.ticketTypeId(), 1, "recorder special"))
          .toList();
    }
  }

  /** Notes every run, so tests see that the platform runs it for enabling tenants only. */
  @Extension
  public static class Ticker implements io.marquee.plugin.api.ScheduledTask {
    @Override
    public String name() {
      return "tick";
    }

    @Override
    public java.time.Duration every() {
      return java.time.Duration.ofSeconds(1);
    }

    @Override
    public void run(PluginContext context) {
      context.storage().update("INSERT INTO {t}.plugin_recorder_task_run DEFAULT VALUES");
    }
  }

  /** "loud" mode needs a label in capitals: a rule between settings the types cannot express. */
  @Extension
  public static class SettingsRule implements io.marquee.plugin.api.SettingsValidator {
    @Override
    public java.util.Map<String, String> validate(
        java.util.Map<String, String> values, PluginContext context) {
      String label = values.getOrDefault("label", "");
      return "loud".equals(values.get("mode"))
              && !label.equals(label.toUpperCase(java.util.Locale.ROOT))
          ? java.util.Map.of("label", "in loud mode the label must be in capitals")
          : java.util.Map.of();
    }
  }

  /** A console screen for owners and managers: the latest events, and a form to add a mark. */
  @Extension
  public static class Screen implements io.marquee.plugin.api.ConsoleScreen {
    @Override
    public String id() {
      return "events";
    }

    @Override
    public String title(PluginContext context) {
      return context.settings().get("label");
    }

    @Override
    public java.util.Set<String> roles() {
      return java.util.Set.of("owner", "manager");
    }

    @Override
    public PluginResponse render(PluginRequest request, PluginContext context) {
      if (request.method().equals("POST")) {
        String note = request.parameter("note") == null ? "" : request.parameter("note").strip();
        if (note.isEmpty() || note.length() > 200) {
          return PluginResponse.redirect(
              io.marquee.plugin.api.ConsoleScreen.screenUrl("recorder", "events", "problem=note"));
        }
        context
            .storage()
            .update(
                "INSERT INTO {t}.plugin_recorder_mark (note, marked_by) VALUES (?, ?)",
                note,
                request.staffRole());
        return PluginResponse.redirect(
            io.marquee.plugin.api.ConsoleScreen.screenUrl("recorder", "events", "saved=1"));
      }
      StringBuilder rows = new StringBuilder();
      for (var r :
          context
              .storage()
              .query(
                  "SELECT type FROM {t}.plugin_recorder_event ORDER BY id DESC LIMIT ?",
                  context.settings().integer("limit"))) {
        rows.append("<li>").append(esc(String.valueOf(r.get("type")))).append("</li>");
      }
      StringBuilder marks = new StringBuilder();
      for (var r :
          context.storage().query("SELECT note FROM {t}.plugin_recorder_mark ORDER BY id")) {
        marks
            .append("<li class=\"mark\">")
            .append(esc(String.valueOf(r.get("note"))))
            .append("</li>");
      }
      return PluginResponse.html(
          200,
          "<h1 id=\"recorder-title\">"
              + esc(context.settings().get("label"))
              + "</h1>"
              + ("1".equals(request.parameter("saved")) ? "<p id=\"saved\">Saved</p>" : "")
              + "<ul id=\"recorded\">"
              + rows
              + "</ul><ul id=\"marks\">"
              + marks
              + "</ul><form method=\"post\" action=\""
              + io.marquee.plugin.api.ConsoleScreen.actionUrl("recorder", "events")
              + "\"><input name=\"note\" id=\"note\"><button id=\"mark\">Mark</button></form>");
    }

    private static String esc(String s) {
      return s.replace("&", "&amp;")
          .replace("<", "&lt;")
          .replace(">", "&gt;")
          .replace("\"", "&quot;");
    }
  }
}
