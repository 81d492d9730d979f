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
}
