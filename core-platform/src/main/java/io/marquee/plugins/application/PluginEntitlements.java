package io.marquee.plugins.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Which tenant has which plugin switched on (platform schema; the one place dispatch asks). */
@ApplicationScoped
public class PluginEntitlements {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  // Asked on every plugin route and delivery; switching on this node invalidates at once.
  private final io.marquee.common.infrastructure.ShortCache<UUID, List<String>> enabledCache =
      new io.marquee.common.infrastructure.ShortCache<>(2000, 10_000);

  public List<String> enabledFor(UUID tenantId) {
    return enabledCache.get(tenantId, this::enabledNow);
  }

  private List<String> enabledNow(UUID tenantId) {
    return strings(
        "SELECT plugin_id FROM platform.plugin_enablement WHERE tenant_id = ? AND enabled ORDER BY"
            + " plugin_id",
        tenantId);
  }

  /** One text column of a query's rows. */
  private List<String> strings(String sql, Object arg) {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read plugin enablement", e);
    }
    return out;
  }

  /**
   * Switches a plugin on or off for a tenant and opens or closes its subscription (at the price of
   * the moment) in the same transaction; returns false when it already was in that state.
   */
  public boolean set(
      UUID tenantId,
      String pluginId,
      boolean enabled,
      String actor,
      io.marquee.billing.domain.PluginPrice price) {
    try {
      return setNow(tenantId, pluginId, enabled, actor, price);
    } finally {
      enabledCache.invalidate(tenantId);
    }
  }

  private boolean setNow(
      UUID tenantId,
      String pluginId,
      boolean enabled,
      String actor,
      io.marquee.billing.domain.PluginPrice price) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean changed;
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO platform.plugin_enablement (tenant_id, plugin_id, enabled, changed_by)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, plugin_id) DO UPDATE SET"
                    + " enabled = EXCLUDED.enabled, changed_at = now(), changed_by ="
                    + " EXCLUDED.changed_by WHERE plugin_enablement.enabled <> EXCLUDED.enabled")) {
          ps.setObject(1, tenantId);
          ps.setString(2, pluginId);
          ps.setBoolean(3, enabled);
          ps.setString(4, actor);
          changed = ps.executeUpdate() == 1;
        }
        if (changed && enabled) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO platform.plugin_subscription (id, tenant_id, plugin_id, started_at,"
                      + " monthly_minor, currency, unit_prices, free) VALUES (?, ?, ?, now(), ?, ?,"
                      + " ?::jsonb, coalesce((SELECT free FROM platform.plugin_override o WHERE"
                      + " o.tenant_id = ? AND o.plugin_id = ?), false))")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, tenantId);
            ps.setString(3, pluginId);
            ps.setLong(4, price.monthlyMinor());
            ps.setString(5, price.currency());
            jakarta.json.JsonObjectBuilder units = jakarta.json.Json.createObjectBuilder();
            price.unitPricesMinor().forEach(units::add);
            ps.setString(6, units.build().toString());
            ps.setObject(7, tenantId);
            ps.setString(8, pluginId);
            ps.executeUpdate();
          }
        } else if (changed) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE platform.plugin_subscription SET ended_at = now() WHERE tenant_id = ?"
                      + " AND plugin_id = ? AND ended_at IS NULL")) {
            ps.setObject(1, tenantId);
            ps.setString(2, pluginId);
            ps.executeUpdate();
          }
        }
        c.commit();
        return changed;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot change plugin enablement", e);
    }
  }

  /**
   * Successful calls not yet written: a door at hundreds of scans a second must not queue on one
   * row.
   */
  private record CallKey(UUID tenantId, String pluginId) {}

  private record Pending(
      java.util.concurrent.atomic.LongAdder calls, java.util.concurrent.atomic.LongAdder micros) {}

  private final java.util.Map<CallKey, Pending> pending =
      new java.util.concurrent.ConcurrentHashMap<>();
  private java.util.concurrent.ScheduledExecutorService flusher;

  @jakarta.annotation.PostConstruct
  void startFlusher() {
    flusher =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "marquee-plugin-stats");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(
        () -> {
          try {
            flush();
          } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(PluginEntitlements.class.getName())
                .warning(() -> "plugin call stats not written: " + e);
          }
        },
        500,
        500,
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @jakarta.annotation.PreDestroy
  void stopFlusher() {
    if (flusher != null) {
      flusher.shutdownNow();
    }
    flush();
  }

  /** Writes the successful calls counted since the last flush. */
  synchronized void flush() {
    for (var e : pending.entrySet()) {
      long n = e.getValue().calls().sumThenReset();
      long m = e.getValue().micros().sumThenReset();
      if (n > 0) {
        write(e.getKey().tenantId(), e.getKey().pluginId(), n, m, null, false);
      }
    }
  }

  /**
   * Counts one call of a plugin for a tenant (with its outcome), for both consoles. Failures are
   * written at once; successes are summed and written every half second (and before any read).
   */
  public void record(UUID tenantId, String pluginId, long micros, String failure, boolean timeout) {
    if (failure == null && !timeout) {
      Pending p =
          pending.computeIfAbsent(
              new CallKey(tenantId, pluginId),
              k ->
                  new Pending(
                      new java.util.concurrent.atomic.LongAdder(),
                      new java.util.concurrent.atomic.LongAdder()));
      p.calls().increment();
      p.micros().add(micros);
      return;
    }
    write(tenantId, pluginId, 1, micros, failure, timeout);
  }

  private void write(
      UUID tenantId, String pluginId, long calls, long micros, String failure, boolean timeout) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO platform.plugin_call_stats (plugin_id, tenant_id, calls, failures,"
                    + " timeouts, total_micros, last_error, last_failure_at) VALUES (?, ?, ?, ?, ?,"
                    + " ?, ?, CASE WHEN ? THEN now() END) ON CONFLICT (plugin_id, tenant_id) DO"
                    + " UPDATE SET calls = plugin_call_stats.calls + EXCLUDED.calls, failures ="
                    + " plugin_call_stats.failures + EXCLUDED.failures, timeouts ="
                    + " plugin_call_stats.timeouts + EXCLUDED.timeouts, total_micros ="
                    + " plugin_call_stats.total_micros + EXCLUDED.total_micros, last_error ="
                    + " coalesce(EXCLUDED.last_error, plugin_call_stats.last_error),"
                    + " last_failure_at = coalesce(EXCLUDED.last_failure_at,"
                    + " plugin_call_stats.last_failure_at)")) {
      boolean failed = failure != null;
      ps.setString(1, pluginId);
      ps.setObject(2, tenantId);
      ps.setLong(3, calls);
      ps.setInt(4, failed ? 1 : 0);
      ps.setInt(5, timeout ? 1 : 0);
      ps.setLong(6, micros);
      ps.setString(7, failed ? failure.substring(0, Math.min(1000, failure.length())) : null);
      ps.setBoolean(8, failed);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record a plugin call", e);
    }
  }

  /** One plugin's calls for one tenant. */
  public record Stats(
      String pluginId, UUID tenantId, long calls, long failures, long timeouts, String lastError) {}

  public List<Stats> stats(UUID tenantIdOrNull) {
    flush(); // this node's counts are exact when read
    List<Stats> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT * FROM platform.plugin_call_stats WHERE ?::uuid IS NULL OR tenant_id = ?"
                    + " ORDER BY plugin_id, tenant_id")) {
      ps.setObject(1, tenantIdOrNull);
      ps.setObject(2, tenantIdOrNull);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Stats(
                  rs.getString("plugin_id"),
                  rs.getObject("tenant_id", UUID.class),
                  rs.getLong("calls"),
                  rs.getLong("failures"),
                  rs.getLong("timeouts"),
                  rs.getString("last_error")));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read plugin call stats", e);
    }
    return out;
  }

  /** The operator's override for one tenant and plugin. */
  public record Override(boolean free, boolean forceDisabled) {}

  public Override override(UUID tenantId, String pluginId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT free, force_disabled FROM platform.plugin_override WHERE tenant_id = ? AND"
                    + " plugin_id = ?")) {
      ps.setObject(1, tenantId);
      ps.setString(2, pluginId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new Override(rs.getBoolean(1), rs.getBoolean(2))
            : new Override(false, false);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read plugin overrides", e);
    }
  }

  /**
   * Sets the operator's override; a free grant also makes the open subscription free from now on
   * (the month's fee is waived when every period of the month was free).
   */
  public void setOverride(UUID tenantId, String pluginId, Override o, String actor) {
    try {
      setOverrideNow(tenantId, pluginId, o, actor);
    } finally {
      enabledCache.invalidate(tenantId);
    }
  }

  private void setOverrideNow(UUID tenantId, String pluginId, Override o, String actor) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO platform.plugin_override (tenant_id, plugin_id, free, force_disabled,"
                    + " changed_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, plugin_id) DO"
                    + " UPDATE SET free = EXCLUDED.free, force_disabled = EXCLUDED.force_disabled,"
                    + " changed_at = now(), changed_by = EXCLUDED.changed_by")) {
          ps.setObject(1, tenantId);
          ps.setString(2, pluginId);
          ps.setBoolean(3, o.free());
          ps.setBoolean(4, o.forceDisabled());
          ps.setString(5, actor);
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE platform.plugin_subscription SET free = ? WHERE tenant_id = ? AND plugin_id"
                    + " = ? AND ended_at IS NULL")) {
          ps.setBoolean(1, o.free());
          ps.setObject(2, tenantId);
          ps.setString(3, pluginId);
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot change plugin overrides", e);
    }
  }

  /** The slugs of tenants that have the plugin enabled. */
  public List<String> tenantsWith(String pluginId) {
    return strings(
        "SELECT t.slug FROM platform.plugin_enablement e JOIN platform.tenant t ON t.id ="
            + " e.tenant_id WHERE e.plugin_id = ? AND e.enabled ORDER BY t.slug",
        pluginId);
  }

  /** How many tenants use each plugin (the operator's adoption figure). */
  public java.util.Map<String, Long> adoption() {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT plugin_id, count(*) FROM platform.plugin_enablement WHERE enabled GROUP BY"
                    + " plugin_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read plugin adoption", e);
    }
    return out;
  }
}
