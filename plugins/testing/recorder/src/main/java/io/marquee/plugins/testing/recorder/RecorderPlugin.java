package io.marquee.plugins.testing.recorder;

import io.marquee.plugin.api.DomainEvent;
import io.marquee.plugin.api.DomainEventListener;
import io.marquee.plugin.api.PluginContext;
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
      if (event.type().equals("ticket.issued")) {
        String tracking = "ticket-issued-" + event.id();
        context.recordUsage("ticket", 1, tracking);
        // the same fact again (as after a redelivery): the platform must not bill it twice
        context.recordUsage("ticket", 1, tracking);
      }
    }
  }
}
