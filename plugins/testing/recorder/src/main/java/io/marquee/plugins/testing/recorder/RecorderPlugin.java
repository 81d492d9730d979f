package io.marquee.plugins.testing.recorder;

import io.marquee.plugin.api.DomainEvent;
import io.marquee.plugin.api.DomainEventListener;
import io.marquee.plugin.api.PluginContext;
import org.pf4j.Extension;
import org.pf4j.Plugin;

/** A well-behaved plugin: takes every event and returns at once. */
public class RecorderPlugin extends Plugin {
  /** Accepts every event; the host's call count is what tests look at. */
  @Extension
  public static class Listener implements DomainEventListener {
    @Override
    public void on(DomainEvent event, PluginContext context) {
      if (!event.payloadJson().startsWith("{")) {
        throw new IllegalArgumentException("a domain event's payload is a JSON object");
      }
    }
  }
}
