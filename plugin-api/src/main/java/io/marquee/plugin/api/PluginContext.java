package io.marquee.plugin.api;

/**
 * What the platform gives a plugin for one call: always the tenant the call is for. Owned by the
 * platform; plugins never construct it, and never see the core's classes behind it.
 */
public interface PluginContext {
  /** The tenant this call is made for. */
  TenantRef tenant();

  /** The plugin's id, as in its descriptor. */
  String pluginId();
}
