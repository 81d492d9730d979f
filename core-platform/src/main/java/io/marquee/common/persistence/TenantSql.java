package io.marquee.common.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * SQL helper bound to one tenant schema: {@code {t}} in a statement becomes the quoted schema name.
 * Native SQL is not tenant-aware by itself, so every statement names its schema this way.
 */
public final class TenantSql {
  private static final Pattern SCHEMA = Pattern.compile("tenant_[a-z0-9_]{1,60}");

  /** Maps one row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource dataSource;
  private final String schema;

  TenantSql(DataSource dataSource, String schema) {
    if (!SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException("not a tenant schema: " + schema);
    }
    this.dataSource = dataSource;
    this.schema = schema;
  }

  public String schema() {
    return schema;
  }

  public int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  public <T> List<T> list(String sql, Row<T> row, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> all = list(sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  public long count(String sql, Object... args) {
    return one(sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  private PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql.replace("{t}", "\"" + schema + "\""));
    for (int i = 0; i < args.length; i++) {
      bind(c, ps, i + 1, args[i]);
    }
    return ps;
  }

  private static void bind(Connection c, PreparedStatement ps, int i, Object v)
      throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.NULL);
    } else if (v instanceof Instant t) {
      ps.setObject(i, t.atOffset(ZoneOffset.UTC));
    } else if (v instanceof String[] a) {
      ps.setArray(i, c.createArrayOf("text", a));
    } else if (v instanceof UUID[] a) {
      ps.setArray(i, c.createArrayOf("uuid", a));
    } else if (v instanceof List<?> l) {
      ps.setArray(i, c.createArrayOf("text", l.stream().map(String::valueOf).toArray()));
    } else {
      ps.setObject(i, v);
    }
  }

  // Row reading helpers.

  public static Instant instant(ResultSet rs, String col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static UUID uuid(ResultSet rs, String col) throws SQLException {
    return rs.getObject(col, UUID.class);
  }

  public static List<String> strings(ResultSet rs, String col) throws SQLException {
    Array a = rs.getArray(col);
    if (a == null) {
      return List.of();
    }
    Object[] values = (Object[]) a.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object o : values) {
      out.add(String.valueOf(o));
    }
    return List.copyOf(out);
  }

  public static Integer intOrNull(ResultSet rs, String col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  public static Long longOrNull(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  /** A database failure; constraint violations carry their SQLSTATE and constraint name. */
  public static final class SqlFailure extends RuntimeException {
    public SqlFailure(SQLException e) {
      super(e.getMessage(), e);
    }

    public String sqlState() {
      return ((SQLException) getCause()).getSQLState();
    }

    public boolean isUniqueViolation() {
      return "23505".equals(sqlState());
    }

    public boolean isCheckViolation() {
      return "23514".equals(sqlState());
    }
  }
}
