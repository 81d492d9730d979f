package io.marquee.jobs.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The schemas of tenants jobs should visit (active ones; suspended tenants keep their holds). */
@ApplicationScoped
public class ActiveTenants {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  public List<String> schemas() {
    return slugs().stream().map(s -> "tenant_" + s.replace('-', '_')).toList();
  }

  public List<String> slugs() {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT slug FROM platform.tenant WHERE status = 'ACTIVE' ORDER BY slug")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list tenants", e);
    }
    return out;
  }

  /** Runs one tenant's share of a job for every active tenant; one tenant's failure is logged. */
  public void forEach(String job, java.util.function.Consumer<String> work) {
    for (String slug : slugs()) {
      try {
        work.accept(slug);
      } catch (RuntimeException e) {
        java.util.logging.Logger.getLogger(ActiveTenants.class.getName())
            .warning(() -> job + " for tenant " + slug + " failed: " + e);
      }
    }
  }
}
