package io.marquee.billing.application;

import io.marquee.billing.domain.InvoiceCalculator;
import io.marquee.billing.domain.InvoiceLine;
import io.marquee.billing.infrastructure.BillingSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Monthly invoices: computed from the plan, subscriptions, usage and ticket sales ({@link
 * InvoiceCalculator}), stored once per tenant, month and currency (a rerun finds the invoices and
 * changes nothing) and posted to the platform's ledger in the same transaction: receivable from the
 * tenant, revenue per plan, plugin and commission.
 */
@ApplicationScoped
public class Invoicing {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "marquee.billing.currency", defaultValue = "EUR")
  String billingCurrency;

  @Inject
  @ConfigProperty(name = "marquee.billing.default-plan", defaultValue = "payg")
  String defaultPlan;

  /** A stored invoice, or a preview of this month so far ({@code id} null). */
  public record Invoice(
      UUID id, UUID tenantId, String month, String currency, long total, List<InvoiceLine> lines) {}

  public String billingCurrency() {
    return billingCurrency;
  }

  /** This month so far: the billing-currency invoice first (always there), then commissions. */
  public List<Invoice> preview(UUID tenantId, YearMonth month) {
    try (Connection c = dataSource.getConnection()) {
      List<Invoice> out = new ArrayList<>();
      Map<String, List<InvoiceLine>> byCurrency = compute(c, tenantId, month);
      out.add(invoice(null, tenantId, month, billingCurrency, byCurrency.remove(billingCurrency)));
      byCurrency.forEach((cur, lines) -> out.add(invoice(null, tenantId, month, cur, lines)));
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot compute the invoice", e);
    }
  }

  private static Invoice invoice(
      UUID id, UUID tenantId, YearMonth month, String currency, List<InvoiceLine> lines) {
    List<InvoiceLine> l = lines == null ? List.of() : lines;
    return new Invoice(id, tenantId, month.toString(), currency, InvoiceCalculator.total(l), l);
  }

  private Map<String, List<InvoiceLine>> compute(Connection c, UUID tenantId, YearMonth month)
      throws SQLException {
    return InvoiceCalculator.invoices(
        month,
        billingCurrency,
        BillingSources.planMonths(c, tenantId, month, defaultPlan),
        BillingSources.pluginMonths(c, tenantId, month, billingCurrency),
        BillingSources.sales(c, BillingSources.schemaOf(c, tenantId), month));
  }

  /** Runs a month for every tenant; returns the invoices (none for a tenant that owes nothing). */
  public List<Invoice> run(YearMonth month) {
    List<Invoice> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (UUID tenant : BillingSources.tenantsOf(c, month)) {
        out.addAll(runFor(c, tenant, month));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("invoice run for " + month + " failed", e);
    }
    return out;
  }

  private List<Invoice> runFor(Connection c, UUID tenantId, YearMonth month) throws SQLException {
    c.setAutoCommit(false);
    try {
      // Serialises runs of the same tenant and month across nodes; the unique key backs it up.
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, (tenantId.toString() + month).hashCode());
        lock.execute();
      }
      List<Invoice> existing = stored(c, tenantId, month);
      if (!existing.isEmpty()) {
        c.commit();
        return existing;
      }
      List<Invoice> out = new ArrayList<>();
      for (Map.Entry<String, List<InvoiceLine>> e : compute(c, tenantId, month).entrySet()) {
        Invoice i = invoice(UUID.randomUUID(), tenantId, month, e.getKey(), e.getValue());
        insert(c, i);
        post(c, i);
        out.add(i);
      }
      c.commit();
      return out;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static void insert(Connection c, Invoice i) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO platform.invoice (id, tenant_id, month, currency, total_minor) VALUES"
                + " (?, ?, ?, ?, ?)")) {
      ps.setObject(1, i.id());
      ps.setObject(2, i.tenantId());
      ps.setString(3, i.month());
      ps.setString(4, i.currency());
      ps.setLong(5, i.total());
      ps.executeUpdate();
    }
    int n = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO platform.invoice_line (invoice_id, line_no, kind, plugin_id,"
                + " description, quantity, unit_minor, amount_minor) VALUES (?, ?, ?, ?, ?, ?,"
                + " ?, ?)")) {
      for (InvoiceLine l : i.lines()) {
        ps.setObject(1, i.id());
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
  }

  /** The platform's revenue account a line is credited to. */
  static String revenueAccount(InvoiceLine l) {
    return switch (l.kind()) {
      case "plan" -> "revenue:plan";
      case "commission" -> "revenue:commission";
      default -> "revenue:plugin:" + l.pluginId();
    };
  }

  /** Debit the tenant's receivable with the total, credit each revenue account: balanced. */
  private static void post(Connection c, Invoice i) throws SQLException {
    if (i.total() == 0) {
      return;
    }
    Map<String, Long> revenue = new LinkedHashMap<>();
    for (InvoiceLine l : i.lines()) {
      revenue.merge(revenueAccount(l), l.amountMinor(), Long::sum);
    }
    long credits = revenue.values().stream().mapToLong(Long::longValue).sum();
    if (credits != i.total()) {
      throw new IllegalStateException(
          "unbalanced invoice posting: " + i.total() + " vs " + credits);
    }
    UUID entry = UUID.randomUUID();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO platform.ledger_entry (id, invoice_id, currency, memo) VALUES (?, ?, ?,"
                + " ?)")) {
      ps.setObject(1, entry);
      ps.setObject(2, i.id());
      ps.setString(3, i.currency());
      ps.setString(4, "invoice " + i.month() + " " + i.currency() + " of tenant " + i.tenantId());
      ps.executeUpdate();
    }
    int n = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO platform.ledger_line (entry_id, line_no, account, debit, credit) VALUES"
                + " (?, ?, ?, ?, ?)")) {
      ps.setObject(1, entry);
      ps.setInt(2, ++n);
      ps.setString(3, "receivable:tenant:" + i.tenantId());
      ps.setLong(4, i.total());
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
                "SELECT DISTINCT tenant_id, month FROM platform.invoice WHERE (?::uuid IS NULL OR"
                    + " tenant_id = ?) AND (?::text IS NULL OR month = ?) ORDER BY month DESC,"
                    + " tenant_id")) {
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
        out.addAll(stored(c, (UUID) k[0], YearMonth.parse((String) k[1])));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read invoices", e);
    }
    return out;
  }

  /** A tenant's invoices of one month, billing currency first. */
  private List<Invoice> stored(Connection c, UUID tenantId, YearMonth month) throws SQLException {
    List<Invoice> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, currency FROM platform.invoice WHERE tenant_id = ? AND month = ? ORDER BY"
                + " currency <> ?, currency")) {
      ps.setObject(1, tenantId);
      ps.setString(2, month.toString());
      ps.setString(3, billingCurrency);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              invoice(
                  rs.getObject(1, UUID.class),
                  tenantId,
                  month,
                  rs.getString(2).strip(),
                  List.of()));
        }
      }
    }
    List<Invoice> withLines = new ArrayList<>();
    for (Invoice i : out) {
      withLines.add(invoice(i.id(), tenantId, month, i.currency(), lines(c, i.id())));
    }
    return withLines;
  }

  private static List<InvoiceLine> lines(Connection c, UUID invoiceId) throws SQLException {
    List<InvoiceLine> lines = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM platform.invoice_line WHERE invoice_id = ? ORDER BY line_no")) {
      ps.setObject(1, invoiceId);
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
    return lines;
  }
}
