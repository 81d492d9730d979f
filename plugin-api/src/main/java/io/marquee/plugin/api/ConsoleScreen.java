package io.marquee.plugin.api;

import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * A screen inside the tenant's console, with its own menu entry. Since 0.2.0.
 *
 * <p><b>Who sees it</b>: staff of tenants that enabled the plugin, whose role is in {@link
 * #roles()}; everybody else gets 404 (not enabled) or 403 (wrong role) and no menu entry.
 *
 * <p><b>When</b>: {@link #render} is called on the request thread, with a time limit (2 s by
 * default), when a staff member opens the screen ({@code GET}, shown inside the console's layout)
 * or submits one of its forms ({@code POST} to {@link #actionUrl}). <b>Result</b>: for GET an HTML
 * fragment (no {@code <html>}, escape what came from people); for POST a {@link
 * PluginResponse#redirect} to the page to show next, usually {@link #screenUrl} with a message
 * parameter. <b>If it throws or times out</b>: the console shows that the screen failed, and the
 * failure is counted against the plugin.
 */
public interface ConsoleScreen extends ExtensionPoint {
  /** Stable id used in URLs, e.g. {@code results}: lower case letters, digits and dashes. */
  String id();

  /**
   * The menu entry and page title, in the tenant's language ({@code context.tenant().locale()}).
   */
  String title(PluginContext context);

  /** The staff roles (owner, manager, finance, door-staff, viewer) that may open this screen. */
  Set<String> roles();

  PluginResponse render(PluginRequest request, PluginContext context) throws Exception;

  /** Where the screen is shown in the console; {@code query} is appended as is (may be empty). */
  static String screenUrl(String pluginId, String screenId, String query) {
    return "/console/plugin.xhtml?plugin="
        + pluginId
        + "&screen="
        + screenId
        + (query == null || query.isEmpty() ? "" : "&" + query);
  }

  /** Where the screen's forms post to (method POST). */
  static String actionUrl(String pluginId, String screenId) {
    return "/console/plugin-action/" + pluginId + "/" + screenId;
  }
}
