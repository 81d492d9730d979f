package io.marquee.billing.application;

import io.marquee.billing.domain.InvoiceCalculator;
import io.marquee.billing.domain.InvoiceLine;
import io.marquee.billing.domain.PluginPrice;
import io.marquee.billing.domain.Proration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Monthly invoices: computed from subscriptions and usage ({@link InvoiceCalculator}), stored once
 * per tenant and month (a rerun finds the invoice and changes nothing) and posted to the platform's
 * ledger in the same transaction: receivable from the tenant, revenue per plugin.
 */
@ApplicationScoped
public class Invoicing {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  /** A stored invoice, or a preview of this month so far ({@code id} null). */
  public record Invoice(
      UUID id, UUID tenantId, String month, String currency, long total, List<InvoiceLine> lines) {}

  public Invoice preview(UUID tenantId, YearMonth month) {
    try (Connection c = dataSource.getConnection()) {
      List<InvoiceLine> lines = InvoiceCalculator.lines(month, pluginMonths(c, tenantId, month));
      return new Invoice(
          null, tenantId, month.toString(), "EUR", InvoiceCalculator.total(lines), lines);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot compute the invoice", e);
    }
  }

  /** Runs a month for every tenant with subscriptions or usage in it; returns the invoices. */
  public List<Invoice> run(YearMonth month) {
    List<Invoice> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (UUID tenant : billable(c, month)) {
        out.add(runFor(c, tenant, month));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("invoice run for " + month + " failed", e);
    }
    return out;
  }

  private Invoice runFor(Connection c, UUID tenantId, YearMonth month) throws SQLException {
    c.setAutoCommit(false);
    try {
      // Serialises runs of the same tenant and month across nodes; the unique key backs it up.
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, (tenantId.toString() + month).hashCode());
        lock.execute();
      }
      Invoice existing = stored(c, tenantId, month);
      if (existing != null) {
        c.commit();
        return existing;
      }
      List<InvoiceLine> lines = InvoiceCalculator.lines(month, pluginMonths(c, tenantId, month));
      long total = InvoiceCalculator.total(lines);
      UUID id = UUID.randomUUID();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO platform.invoice (id, tenant_id, month, currency, total_minor) VALUES"
                  + " (?, ?, ?, 'EUR', ?)")) {
        ps.setObject(1, id);
        ps.setObject(2, tenantId);
        ps.setString(3, month.toString());
        ps.setLong(4, total);
        ps.executeUpdate();
      }
      int n = 0;
      for (InvoiceLine l : lines) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO platform.invoice_line (invoice_id, line_no, kind, plugin_id,"
                    + " description, quantity, unit_minor, amount_minor) VALUES (?, ?, ?, ?, ?, ?,"
                    + " ?, ?)")) {
          ps.setObject(1, id);
          ps.setInt(2, ++n);
          ps.setString(3, l.kind());
          ps.setString(4, l.pluginId());
          ps.setString(5, l.description());
          ps.setLong(6, l.quantity());
          ps.setLong(7, l.unitMinor());
          ps.setLong(8, l.amountMinor());
          ps.executeUpdate();
        }
      }
      post(c, id, tenantId, month, lines, total);
      c.commit();
      return new Invoice(id, tenantId, month.toString(), "EUR", total, lines);
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Debit the tenant's receivable with the total, credit each plugin's revenue: balanced. */
  private static void post(
      Connection c,
      UUID invoiceId,
      UUID tenantId,
      YearMonth month,
      List<InvoiceLine> lines,
      long total)
      throws SQLException {
    if (total == 0) {
      return;
    }
    Map<String, Long> revenue = new LinkedHashMap<>();
    for (InvoiceLine l : lines) {
      revenue.merge("revenue:plugin:" + l.pluginId(), l.amountMinor(), Long::sum);
    }
    long credits = revenue.values().stream().mapToLong(Long::longValue).sum();
    if (credits != total) {
      throw new IllegalStateException("unbalanced invoice posting: " + total + " vs " + credits);
    }
    UUID entry = UUID.randomUUID();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO platform.ledger_entry (id, invoice_id, currency, memo) VALUES (?, ?,"
                + " 'EUR', ?)")) {
      ps.setObject(1, entry);
      ps.setObject(2, invoiceId);
      ps.setString(3, "invoice " + month + " of tenant " + tenantId);
      ps.executeUpdate();
    }
    int n = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO platform.ledger_line (entry_id, line_no, account, debit, credit) VALUES"
                + " (?, ?, ?, ?, ?)")) {
      ps.setObject(1, entry);
      ps.setInt(2, ++n);
      ps.setString(3, "receivable:tenant:" + tenantId);
      ps.setLong(4, total);
      ps.setLong(5, 0);
      ps.executeUpdate();
      for (Map.Entry<String, Long> r : revenue.entrySet()) {
        ps.setObject(1, entry);
        ps.setInt(2, ++n);
        ps.setString(3, r.getKey());
        ps.setLong(4, 0);
        ps.setLong(5, r.getValue());
        ps.executeUpdate();
      }
    }
  }

  public List<Invoice> stored(UUID tenantIdOrNull, String monthOrNull) {
    List<Invoice> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT tenant_id, month FROM platform.invoice WHERE (?::uuid IS NULL OR tenant_id"
                    + " = ?) AND (?::text IS NULL OR month = ?) ORDER BY month DESC, tenant_id")) {
      ps.setObject(1, tenantIdOrNull);
      ps.setObject(2, tenantIdOrNull);
      ps.setString(3, monthOrNull);
      ps.setString(4, monthOrNull);
      List<Object[]> keys = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2)});
        }
      }
      for (Object[] k : keys) {
        out.add(stored(c, (UUID) k[0], YearMonth.parse((String) k[1])));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read invoices", e);
    }
    return out;
  }

  private static Invoice stored(Connection c, UUID tenantId, YearMonth month) throws SQLException {
    UUID id;
    long total;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, total_minor FROM platform.invoice WHERE tenant_id = ? AND month = ?")) {
      ps.setObject(1, tenantId);
      ps.setString(2, month.toString());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        id = rs.getObject(1, UUID.class);
        total = rs.getLong(2);
      }
    }
    List<InvoiceLine> lines = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM platform.invoice_line WHERE invoice_id = ? ORDER BY line_no")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(
              new InvoiceLine(
                  rs.getString("kind"),
                  rs.getString("plugin_id"),
                  rs.getString("description"),
                  rs.getLong("quantity"),
                  rs.getLong("unit_minor"),
                  rs.getLong("amount_minor")));
        }
      }
    }
    return new Invoice(id, tenantId, month.toString(), "EUR", total, lines);
  }

  private static List<UUID> billable(Connection c, YearMonth month) throws SQLException {
    List<UUID> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tenant_id FROM platform.plugin_subscription WHERE started_at < ? AND (ended_at"
                + " IS NULL OR ended_at >= ?) UNION SELECT tenant_id FROM platform.usage_record"
                + " WHERE occurred_at >= ? AND occurred_at < ? ORDER BY 1")) {
      OffsetDateTime start = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
      OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
      ps.setObject(1, end);
      ps.setObject(2, start);
      ps.setObject(3, start);
      ps.setObject(4, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return out;
  }

  private static List<InvoiceCalculator.PluginMonth> pluginMonths(
      Connection c, UUID tenantId, YearMonth month) throws SQLException {
    OffsetDateTime start = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    Map<String, List<Proration.Period>> periods = new LinkedHashMap<>();
    Map<String, PluginPrice> prices = new LinkedHashMap<>();
    Map<String, Boolean> free = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM platform.plugin_subscription WHERE tenant_id = ? AND started_at < ? AND"
                + " (ended_at IS NULL OR ended_at >= ?) ORDER BY plugin_id, started_at")) {
      ps.setObject(1, tenantId);
      ps.setObject(2, end);
      ps.setObject(3, start);
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
      ps.setObject(2, start);
      ps.setObject(3, end);
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
              prices.getOrDefault(p, PluginPrice.free("EUR")),
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
}
