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

  /**
   * Whether a tenant schema already has every migration this build ships: one cheap query instead
   * of a full Flyway validation, so that starting up with thousands of tenants stays fast.
   */
  public boolean tenantUpToDate(String schema) {
    String latest = latestTenantVersion();
    String sql =
        "SELECT version FROM \""
            + schema
            + "\".flyway_schema_history WHERE success AND version IS NOT NULL"
            + " ORDER BY installed_rank DESC LIMIT 1";
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      return rs.next() && latest.equals(rs.getString(1));
    } catch (SQLException e) {
      return false; // no history table yet: let Flyway create and migrate it
    }
  }

  private volatile String latestTenantVersion;

  private String latestTenantVersion() {
    if (latestTenantVersion == null) {
      var all = flyway("public", "classpath:db/tenant").info().all();
      latestTenantVersion = all[all.length - 1].getVersion().getVersion();
    }
    return latestTenantVersion;
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
