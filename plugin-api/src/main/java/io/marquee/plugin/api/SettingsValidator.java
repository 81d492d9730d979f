package io.marquee.plugin.api;

import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * Checks rules between settings that the declared types cannot express (e.g. "a reminder must come
 * before the deadline"). Since 0.2.0.
 *
 * <p><b>When</b>: when a tenant saves the plugin's settings, after the platform checked each value
 * against its declared type, bounds and options; on the request thread, with a short time limit.
 * <b>Result</b>: problems by setting key (empty when all is well); the platform refuses the save
 * with HTTP 400 naming those keys, and keeps the old settings. <b>If it throws or times out</b>:
 * the save is refused as well (nothing half-saved), and the failure is counted.
 */
public interface SettingsValidator extends ExtensionPoint {
  Map<String, String> validate(Map<String, String> values, PluginContext context) throws Exception;
}
