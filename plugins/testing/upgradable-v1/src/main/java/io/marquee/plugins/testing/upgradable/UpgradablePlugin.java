package io.marquee.plugins.testing.upgradable;

import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.PluginEndpoint;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import org.pf4j.Extension;
import org.pf4j.Plugin;

/** Version 1: answers its version and which of its columns exist in the tenant's schema. */
public class UpgradablePlugin extends Plugin {
  /** {@code GET /plugins/upgradable/version}. */
  @Extension
  public static class Version implements PluginEndpoint {
    @Override
    public PluginResponse handle(PluginRequest request, PluginContext context) {
      Object columns =
          context
              .storage()
              .query(
                  // {t} is the quoted schema name, so compare it quoted
                  "SELECT count(*) AS n FROM information_schema.columns WHERE '{t}' = '\"' ||"
                      + " table_schema || '\"' AND table_name = 'plugin_upgradable_note'")
              .get(0)
              .get("n");
      return PluginResponse.json(200, "{\"version\":1,\"columns\":" + columns + "}");
    }
  }
}
