package io.marquee.tenancy.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Creates a tenant's schema (migrated, with its initial brand row) and drops it when provisioning
 * is undone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class TenantSchemaSetup {
  @Inject SchemaMigrator migrator;

  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  public void create(String schema, String theme) {
    migrator.migrateTenant(schema);
    // The schema name comes from a validated slug; the theme is a bound parameter.
    String sql =
        "INSERT INTO \""
            + schema
            + "\".branding(id, theme, updated_at) VALUES (1, ?, now()) ON CONFLICT (id) DO NOTHING";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, theme);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not initialise branding in " + schema, e);
    }
  }

  public void drop(String schema) {
    migrator.dropSchema(schema);
  }
}
