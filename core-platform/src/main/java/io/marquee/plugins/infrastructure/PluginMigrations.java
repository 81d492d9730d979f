package io.marquee.plugins.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A plugin's own migrations ({@code db/plugins/<id>/} inside its jar) in one tenant's schema, with
 * a history table per plugin, so plugins and the core never share migration histories.
 */
@ApplicationScoped
public class PluginMigrations {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  /** Brings the plugin's tables in {@code schema} up to date; throws when a migration fails. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int migrate(String pluginId, ClassLoader pluginLoader, String schema) {
    if (pluginLoader.getResource("db/plugins/" + pluginId) == null) {
      return 0;
    }
    return Flyway.configure(pluginLoader)
        .dataSource(dataSource)
        .schemas(schema)
        .createSchemas(false)
        .table("flyway_plugin_" + pluginId.replaceAll("[^a-z0-9]", "_"))
        .locations("classpath:db/plugins/" + pluginId)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
