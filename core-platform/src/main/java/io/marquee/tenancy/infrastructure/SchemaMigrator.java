package io.marquee.tenancy.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway migrations, one history table per schema: {@code db/platform} for the platform schema,
 * {@code db/tenant} for every tenant schema. Runs outside JTA (Flyway manages its own transactions)
 * on the non-JTA data source.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class SchemaMigrator {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  public MigrateResult migratePlatform() {
    return flyway("platform", "classpath:db/platform").migrate();
  }

  public MigrateResult migrateTenant(String schema) {
    return flyway(schema, "classpath:db/tenant").migrate();
  }

  public void dropSchema(String schema) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      // The schema name is derived from a validated slug ([a-z0-9_]), never from raw input.
      s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop schema " + schema, e);
    }
  }

  private Flyway flyway(String schema, String location) {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .schemas(schema)
        .createSchemas(true)
        .locations(location)
        .load();
  }
}
