package io.marquee.billing.infrastructure;

import io.marquee.billing.domain.InvoiceCalculator;
import io.marquee.billing.domain.Plan;
import io.marquee.billing.domain.PluginPrice;
import io.marquee.billing.domain.Proration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what a month's invoice is made of: the tenant's plan periods, plugin subscriptions and
 * usage (platform schema) and its ticket sales (the tenant's own ledger, by currency).
 */
public final class BillingSources {
  private BillingSources() {}

  static OffsetDateTime start(YearMonth month) {
    return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  static OffsetDateTime end(YearMonth month) {
    return start(month.plusMonths(1));
  }

  public static Optional<Plan> plan(Connection c, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM platform.plan WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(plan(rs)) : Optional.empty();
      }
    }
  }

  public static List<Plan> plans(Connection c) throws SQLException {
    List<Plan> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT * FROM platform.plan ORDER BY monthly_minor, code");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(plan(rs));
      }
    }
    return out;
  }

  private static Plan plan(ResultSet rs) throws SQLException {
    List<Plan.CommissionTier> tiers = new ArrayList<>();
    for (JsonValue v : Json.createReader(new StringReader(rs.getString("tiers"))).readArray()) {
      JsonObject t = v.asJsonObject();
      tiers.add(
          new Plan.CommissionTier(t.getJsonNumber("fromTickets").longValue(), t.getInt("bps")));
    }
    return new Plan(
        rs.getString("code"),
        rs.getString("name"),
        rs.getLong("monthly_minor"),
        rs.getString("currency").strip(),
        tiers);
  }

  /**
   * The tenant's plans during the month, oldest first. A tenant that never changed plan is on
   * {@code defaultPlan} since it was created.
   */
  public static List<InvoiceCalculator.PlanMonth> planMonths(
      Connection c, UUID tenantId, YearMonth month, String defaultPlan) throws SQLException {
    Map<String, List<Proration.Period>> periods = new LinkedHashMap<>();
    boolean any = false;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT plan_code, started_at, ended_at, (started_at < ? AND (ended_at IS NULL OR"
                + " ended_at >= ?)) AS in_month FROM platform.tenant_plan WHERE tenant_id = ?"
                + " ORDER BY started_at")) {
      ps.setObject(1, end(month));
      ps.setObject(2, start(month));
      ps.setObject(3, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          any = true;
          if (!rs.getBoolean("in_month")) {
            continue;
          }
          OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
          periods
              .computeIfAbsent(rs.getString("plan_code"), k -> new ArrayList<>())
              .add(
                  new Proration.Period(
                      rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                      ended == null ? null : ended.toInstant()));
        }
      }
    }
    if (!any) {
      OffsetDateTime created = created(c, tenantId);
      if (created != null && created.isBefore(end(month))) {
        periods.put(defaultPlan, List.of(new Proration.Period(created.toInstant(), null)));
      }
    }
    List<InvoiceCalculator.PlanMonth> out = new ArrayList<>();
    for (Map.Entry<String, List<Proration.Period>> e : periods.entrySet()) {
      Plan p = plan(c, e.getKey()).orElseThrow(() -> new IllegalStateException("no plan " + e));
      out.add(new InvoiceCalculator.PlanMonth(p, e.getValue()));
    }
    // the plan in force at the end of the month goes last: its rate sets the commission
    out.sort(
        java.util.Comparator.comparing(
            (InvoiceCalculator.PlanMonth p) ->
                p.periods().stream()
                    .map(Proration.Period::start)
                    .max(java.time.Instant::compareTo)
                    .orElseThrow()));
    return out;
  }

  private static OffsetDateTime created(Connection c, UUID tenantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT created_at FROM platform.tenant WHERE id = ?")) {
      ps.setObject(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
      }
    }
  }

  /**
   * Net ticket revenue (sales less refunds) posted in the month and tickets issued, by currency.
   */
  public static List<InvoiceCalculator.SalesMonth> sales(
      Connection c, String schema, YearMonth month) throws SQLException {
    String q = "\"" + schema.replace("\"", "") + "\"";
    Map<String, long[]> byCurrency = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.currency, COALESCE(SUM(l.credit_minor - l.debit_minor), 0) FROM "
                + q
                + ".journal_entry e JOIN "
                + q
                + ".journal_line l ON l.entry_id = e.id WHERE (l.account_code LIKE 'revenue:%' OR"
                + " l.account_code LIKE 'refunds:%') AND e.posted_at >= ? AND e.posted_at < ?"
                + " GROUP BY e.currency ORDER BY 1")) {
      ps.setObject(1, start(month));
      ps.setObject(2, end(month));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byCurrency.put(rs.getString(1).strip(), new long[] {rs.getLong(2), 0});
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT o.currency, count(*) FROM "
                + q
                + ".ticket k JOIN "
                + q
                + ".orders o ON o.id = k.order_id WHERE k.status <> 'held' AND k.issued_at >= ?"
                + " AND k.issued_at < ? GROUP BY o.currency")) {
      ps.setObject(1, start(month));
      ps.setObject(2, end(month));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byCurrency.computeIfAbsent(rs.getString(1).strip(), k -> new long[2])[1] = rs.getLong(2);
        }
      }
    }
    List<InvoiceCalculator.SalesMonth> out = new ArrayList<>();
    byCurrency.forEach((cur, v) -> out.add(new InvoiceCalculator.SalesMonth(cur, v[0], v[1])));
    return out;
  }

  public static List<InvoiceCalculator.PluginMonth> pluginMonths(
      Connection c, UUID tenantId, YearMonth month, String billingCurrency) throws SQLException {
    Map<String, List<Proration.Period>> periods = new LinkedHashMap<>();
    Map<String, PluginPrice> prices = new LinkedHashMap<>();
    Map<String, Boolean> free = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM platform.plugin_subscription WHERE tenant_id = ? AND started_at < ? AND"
                + " (ended_at IS NULL OR ended_at >= ?) ORDER BY plugin_id, started_at")) {
      ps.setObject(1, tenantId);
      ps.setObject(2, end(month));
      ps.setObject(3, start(month));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String plugin = rs.getString("plugin_id");
          OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
          periods
              .computeIfAbsent(plugin, k -> new ArrayList<>())
              .add(
                  new Proration.Period(
                      rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                      ended == null ? null : ended.toInstant()));
          // The latest subscription's price applies to the month (the price the tenant saw last).
          prices.put(
              plugin,
              new PluginPrice(
                  rs.getLong("monthly_minor"),
                  rs.getString("currency").strip(),
                  units(rs.getString("unit_prices"))));
          free.merge(plugin, rs.getBoolean("free"), (x, y) -> x && y);
        }
      }
    }
    Map<String, Map<String, Long>> usage = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT plugin_id, unit, sum(quantity) FROM platform.usage_record WHERE tenant_id = ?"
                + " AND occurred_at >= ? AND occurred_at < ? GROUP BY plugin_id, unit")) {
      ps.setObject(1, tenantId);
      ps.setObject(2, start(month));
      ps.setObject(3, end(month));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          usage
              .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getLong(3));
        }
      }
    }
    List<InvoiceCalculator.PluginMonth> out = new ArrayList<>();
    java.util.Set<String> plugins = new java.util.TreeSet<>(periods.keySet());
    plugins.addAll(usage.keySet());
    for (String p : plugins) {
      out.add(
          new InvoiceCalculator.PluginMonth(
              p,
              prices.getOrDefault(p, PluginPrice.free(billingCurrency)),
              periods.getOrDefault(p, List.of()),
              usage.getOrDefault(p, Map.of()),
              free.getOrDefault(p, false)));
    }
    return out;
  }

  private static Map<String, Long> units(String json) {
    Map<String, Long> out = new LinkedHashMap<>();
    JsonObject o = Json.createReader(new StringReader(json)).readObject();
    o.forEach((k, v) -> out.put(k, ((jakarta.json.JsonNumber) v).longValue()));
    return out;
  }

  /** Every tenant that existed before the month ended (each may owe a plan fee or commission). */
  public static List<UUID> tenantsOf(Connection c, YearMonth month) throws SQLException {
    List<UUID> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM platform.tenant WHERE status <> 'PROVISIONING' AND created_at < ?"
                + " ORDER BY id")) {
      ps.setObject(1, end(month));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return out;
  }

  public static String schemaOf(Connection c, UUID tenantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT slug FROM platform.tenant WHERE id = ?")) {
      ps.setObject(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no tenant " + tenantId);
        }
        return io.marquee.tenancy.domain.Tenant.schemaOf(rs.getString(1));
      }
    }
  }
}
