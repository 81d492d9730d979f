package io.marquee.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * Adds a block of HTML to a storefront page, for tenants that enabled the plugin.
 *
 * <p><b>When</b>: while the page renders, on the request thread, with a short time limit (300 ms by
 * default): a slow or failing block is left out and counted, the page renders without it. <b>
 * Result</b>: an HTML fragment, or null for nothing. The fragment is inserted as is: escape
 * everything that came from people.
 */
public interface StorefrontBlock extends ExtensionPoint {
  /** Where a block can go. */
  enum Slot {
    /** Below an event's description; {@code subjectId} is the event's id. */
    EVENT_PAGE
  }

  String render(Slot slot, String subjectId, PluginContext context) throws Exception;
}
