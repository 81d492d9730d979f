package io.marquee.plugin.api;

import java.util.Map;

/**
 * A tenant's settings for the plugin, as the tenant saved them in the console, already validated
 * against the settings the plugin's listing declares ({@code setting.<key>.type=…}); a setting the
 * tenant never saved has its declared default. Since 0.2.0.
 */
public interface PluginSettings {
  /** The value as text, or the declared default, or null when neither exists. */
  String get(String key);

  /** An {@code int} setting. @throws IllegalArgumentException if the key is not an int setting */
  int integer(String key);

  /** A {@code boolean} setting. */
  boolean flag(String key);

  /** Every declared setting with its value (defaults included). */
  Map<String, String> all();
}
