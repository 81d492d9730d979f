package io.marquee.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Direct looks into the test database, to prove what the API cannot show (e.g. that no schema was
 * left behind).
 */
public final class Database {
  private Database() {}

  public static boolean schemaExists(String schema) {
    String url =
        System.getProperty("marquee.it.db.url", "jdbc:postgresql://127.0.0.1:55432/marquee_it");
    String user = System.getenv().getOrDefault("MARQUEE_DB_USER", "marquee");
    String password = System.getenv().getOrDefault("MARQUEE_DB_PASSWORD", "marquee");
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement ps =
            c.prepareStatement("select 1 from information_schema.schemata where schema_name = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A single number from a query against the test database (e.g. a count in a tenant schema). */
  public static long number(String sql, Object... args) {
    String url =
        System.getProperty("marquee.it.db.url", "jdbc:postgresql://127.0.0.1:55432/marquee_it");
    String user = System.getenv().getOrDefault("MARQUEE_DB_USER", "marquee");
    String password = System.getenv().getOrDefault("MARQUEE_DB_PASSWORD", "marquee");
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
