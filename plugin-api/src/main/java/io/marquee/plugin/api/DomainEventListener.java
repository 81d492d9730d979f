package io.marquee.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * Receives a tenant's domain events, for tenants that enabled the plugin only.
 *
 * <p><b>When</b>: after the business transaction committed (never inside it), off the request
 * thread, in the order the events happened within one tenant. <b>How often</b>: at least once:
 * after a crash an event may arrive again with the same {@link DomainEvent#id()}, so be idempotent.
 * <b>Time limit</b>: each call has a few seconds (5 by default); a call that runs longer is
 * abandoned and counted as failed. <b>If it throws</b>: the failure is recorded and shown to the
 * operator and the tenant; the event is not retried for this plugin, and nothing the attendee or
 * staff did is undone or delayed. A plugin can therefore never break a checkout.
 */
public interface DomainEventListener extends ExtensionPoint {
  /** The event types this listener wants; an empty set means all. */
  default java.util.Set<String> types() {
    return java.util.Set.of();
  }

  void on(DomainEvent event, PluginContext context) throws Exception;
}
