package io.marquee.ledger.application;

import io.marquee.common.persistence.TenantSql;
import io.marquee.ledger.domain.JournalEntry;
import io.marquee.ledger.domain.JournalLine;
import java.util.List;
import java.util.UUID;

/**
 * Posts journal entries and answers ledger questions for one tenant schema. Posting joins the
 * caller's transaction, so an entry exists exactly when the business change it records committed;
 * the schema's deferred trigger refuses an unbalanced entry at commit as a second guard.
 */
public final class LedgerService {
  private final TenantSql sql;

  public LedgerService(TenantSql sql) {
    this.sql = sql;
  }

  public void post(JournalEntry entry) {
    if (entry.isEmpty()) {
      return; // a free order moves no money
    }
    UUID id = UUID.randomUUID();
    sql.update(
        "INSERT INTO {t}.journal_entry (id, kind, order_id, event_id, currency, memo) VALUES (?, ?,"
            + " ?, ?, ?, ?)",
        id,
        entry.kind(),
        entry.orderId(),
        entry.eventId(),
        entry.currency(),
        entry.memo());
    int no = 1;
    for (JournalLine l : entry.lines()) {
      sql.update(
          "INSERT INTO {t}.ledger_account (code, name, type, currency) VALUES (?, ?, ?, ?) ON"
              + " CONFLICT (code) DO NOTHING",
          l.account().code(),
          l.account().name(),
          l.account().type().db(),
          entry.currency());
      sql.update(
          "INSERT INTO {t}.journal_line (entry_id, line_no, account_code, debit_minor,"
              + " credit_minor) VALUES (?, ?, ?, ?, ?)",
          id,
          no++,
          l.account().code(),
          l.debit(),
          l.credit());
    }
  }

  /** One account's totals. Balance is debits minus credits. */
  public record AccountBalance(
      String code, String name, String type, String currency, long debits, long credits) {
    public long balance() {
      return debits - credits;
    }
  }

  public List<AccountBalance> trialBalance() {
    return sql.list(
        "SELECT a.code, a.name, a.type, a.currency, COALESCE(SUM(l.debit_minor), 0) AS d,"
            + " COALESCE(SUM(l.credit_minor), 0) AS c FROM {t}.ledger_account a LEFT JOIN"
            + " {t}.journal_line l ON l.account_code = a.code GROUP BY a.code ORDER BY a.code",
        rs ->
            new AccountBalance(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("type"),
                rs.getString("currency"),
                rs.getLong("d"),
                rs.getLong("c")));
  }

  /** Entries whose lines do not balance; always empty unless the database was tampered with. */
  public long unbalancedEntries() {
    return sql.count(
        "SELECT count(*) FROM (SELECT entry_id FROM {t}.journal_line GROUP BY entry_id HAVING"
            + " SUM(debit_minor) <> SUM(credit_minor)) x");
  }

  /** An order whose money in the ledger differs from what the order says it kept. */
  public record Mismatch(UUID orderId, String number, long orderNet, long ledgerNet) {}

  /**
   * Orders ⇔ ledger: for every order, money received minus money returned according to the ledger
   * (gateway clearing and door cash) equals total minus refunded on the order (zero for orders that
   * were never paid).
   */
  public List<Mismatch> reconcile() {
    return sql.list(
        "SELECT o.id, o.number, CASE WHEN o.status IN ('paid', 'partially_refunded', 'refunded')"
            + " THEN o.total_minor - o.refunded_minor ELSE 0 END AS order_net,"
            + " COALESCE(m.net, 0) AS ledger_net FROM {t}.orders o LEFT JOIN (SELECT e.order_id,"
            + " SUM(l.debit_minor - l.credit_minor) AS net FROM {t}.journal_entry e JOIN"
            + " {t}.journal_line l ON l.entry_id = e.id WHERE l.account_code LIKE 'clearing:%' OR"
            + " l.account_code = 'cash:door' GROUP BY e.order_id) m ON m.order_id = o.id WHERE"
            + " COALESCE(m.net, 0) <> CASE WHEN o.status IN ('paid', 'partially_refunded',"
            + " 'refunded') THEN o.total_minor - o.refunded_minor ELSE 0 END ORDER BY o.created_at",
        rs ->
            new Mismatch(
                TenantSql.uuid(rs, "id"),
                rs.getString("number"),
                rs.getLong("order_net"),
                rs.getLong("ledger_net")));
  }

  /** What an event sold and owes, from its journal entries. */
  public record Settlement(
      UUID eventId,
      String currency,
      long gross,
      long tax,
      long fees,
      long refunds,
      long refundedTax,
      long refundedFees,
      long netRevenue,
      long payable,
      long paidOrders,
      long ticketsSold) {}

  public Settlement settlement(UUID eventId, String currency) {
    return sql.one(
            "SELECT"
                + " COALESCE(SUM(l.debit_minor) FILTER (WHERE e.kind = 'payment' AND (l.account_code"
                + " LIKE 'clearing:%' OR l.account_code = 'cash:door')), 0) AS gross,"
                + " COALESCE(SUM(l.credit_minor) FILTER (WHERE l.account_code = 'tax:payable'), 0) AS"
                + " tax,"
                + " COALESCE(SUM(l.credit_minor) FILTER (WHERE l.account_code = 'fees:booking'), 0)"
                + " AS fees,"
                + " COALESCE(SUM(l.credit_minor) FILTER (WHERE e.kind = 'refund' AND (l.account_code"
                + " LIKE 'clearing:%' OR l.account_code = 'cash:door')), 0) AS refunds,"
                + " COALESCE(SUM(l.debit_minor) FILTER (WHERE l.account_code = 'tax:payable'), 0) AS"
                + " rtax,"
                + " COALESCE(SUM(l.debit_minor) FILTER (WHERE l.account_code = 'fees:booking'), 0)"
                + " AS rfees,"
                + " COALESCE(SUM(l.credit_minor - l.debit_minor) FILTER (WHERE l.account_code LIKE"
                + " 'revenue:%' OR l.account_code LIKE 'refunds:%'), 0) AS net"
                + " FROM {t}.journal_entry e JOIN {t}.journal_line l ON l.entry_id = e.id WHERE"
                + " e.event_id = ?",
            rs ->
                new long[] {
                  rs.getLong("gross"),
                  rs.getLong("tax"),
                  rs.getLong("fees"),
                  rs.getLong("refunds"),
                  rs.getLong("rtax"),
                  rs.getLong("rfees"),
                  rs.getLong("net")
                },
            eventId)
        .map(
            v ->
                new Settlement(
                    eventId,
                    currency,
                    v[0],
                    v[1],
                    v[2],
                    v[3],
                    v[4],
                    v[5],
                    v[6],
                    // the organiser keeps ticket revenue and remits the tax; booking fees are ours
                    v[6] + v[1] - v[4],
                    sql.count(
                        "SELECT count(*) FROM {t}.orders WHERE event_id = ? AND status IN ('paid',"
                            + " 'partially_refunded', 'refunded')",
                        eventId),
                    sql.count(
                        "SELECT count(*) FROM {t}.ticket WHERE event_id = ? AND status = 'valid'",
                        eventId)))
        .orElseThrow();
  }
}
