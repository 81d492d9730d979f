package io.marquee.plugin.api;

import java.util.List;
import java.util.Map;

/**
 * SQL on the plugin's own tables in the calling tenant's schema. Write {@code {t}} where the schema
 * goes ({@code SELECT * FROM {t}.plugin_recorder_event}); the platform puts the tenant's schema
 * there, so a plugin never names a tenant. The tables come from the plugin's own migrations ({@code
 * db/plugins/<plugin id>/V1__….sql} in its jar), run in the tenant's schema when the tenant enables
 * the plugin. Name tables {@code plugin_<id>_…}. Each statement commits on its own.
 */
public interface PluginStorage {
  /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
  int update(String sql, Object... args);

  /** Runs a SELECT; each row maps column labels (lower case) to values. */
  List<Map<String, Object>> query(String sql, Object... args);
}
