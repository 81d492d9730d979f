package io.marquee.billing.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Usage records: one row per billable fact; a repeated tracking id is rejected. */
@ApplicationScoped
public class Metering {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  /** True when recorded, false when this tracking id was recorded before. */
  public boolean record(
      UUID tenantId, String pluginId, String unit, long quantity, String trackingId) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("usage quantity must be positive");
    }
    if (trackingId == null || trackingId.isBlank() || trackingId.length() > 200) {
      throw new IllegalArgumentException("a tracking id of 1 to 200 characters is required");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO platform.usage_record (tenant_id, plugin_id, unit, quantity,"
                    + " tracking_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, plugin_id,"
                    + " tracking_id) DO NOTHING")) {
      ps.setObject(1, tenantId);
      ps.setString(2, pluginId);
      ps.setString(3, unit);
      ps.setLong(4, quantity);
      ps.setString(5, trackingId);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record usage", e);
    }
  }
}
