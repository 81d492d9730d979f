package io.marquee.plugin.api;

/**
 * The plugin-api version. A plugin declares the range it was built for in its descriptor ({@code
 * Plugin-Requires}, a semantic-version range such as {@code >=0.1.0 & <1.0.0}); the platform
 * refuses a plugin whose range excludes this version, with a message naming both.
 */
public final class PluginApi {
  /** Semantic version of this API: minor for additions, major for breaking changes. */
  public static final String VERSION = "0.4.0";

  private PluginApi() {}
}
