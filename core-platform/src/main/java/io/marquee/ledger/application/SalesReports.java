package io.marquee.ledger.application;

import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Sales figures for reports and the dashboard, in the tenant's currency and time zone. */
@ApplicationScoped
@Transactional
public class SalesReports {
  @Inject Sql sql;

  public LedgerService ledger(TenantSnapshot t) {
    return new LedgerService(sql.in(t.schema()));
  }

  /** One event's sales line. */
  public record EventSales(
      UUID eventId,
      String title,
      String status,
      String startsAt,
      long ticketsSold,
      long capacity,
      long paidOrders,
      long grossMinor,
      long refundedMinor) {}

  public List<EventSales> perEvent(TenantSnapshot t) {
    return sql.in(t.schema())
        .list(
            "SELECT e.id, e.title, e.status, e.starts_at,"
                + " (SELECT count(*) FROM {t}.ticket k WHERE k.event_id = e.id AND k.status = 'valid') AS sold,"
                + " (SELECT COALESCE(SUM(capacity), 0) FROM {t}.ticket_type tt WHERE tt.event_id = e.id) AS cap,"
                + " COUNT(o.id) AS orders, COALESCE(SUM(o.total_minor), 0) AS gross,"
                + " COALESCE(SUM(o.refunded_minor), 0) AS refunded"
                + " FROM {t}.event e LEFT JOIN {t}.orders o ON o.event_id = e.id AND o.status IN"
                + " ('paid', 'partially_refunded', 'refunded') GROUP BY e.id ORDER BY e.starts_at DESC",
            rs ->
                new EventSales(
                    TenantSql.uuid(rs, "id"),
                    rs.getString("title"),
                    rs.getString("status"),
                    TenantSql.instant(rs, "starts_at").toString(),
                    rs.getLong("sold"),
                    rs.getLong("cap"),
                    rs.getLong("orders"),
                    rs.getLong("gross"),
                    rs.getLong("refunded")));
  }

  /** Paid sales per day (tenant's zone) over the last {@code days} days. */
  public record Day(LocalDate day, long orders, long tickets, long grossMinor) {}

  public List<Day> daily(TenantSnapshot t, int days) {
    return sql.in(t.schema())
        .list(
            "SELECT d::date AS day, COUNT(o.id) AS orders,"
                + " COALESCE(SUM((SELECT COUNT(*) FROM {t}.ticket k WHERE k.order_id = o.id)), 0) AS"
                + " tickets, COALESCE(SUM(o.total_minor), 0) AS gross FROM generate_series((now() AT"
                + " TIME ZONE ?)::date - (? - 1), (now() AT TIME ZONE ?)::date, interval '1 day') d"
                + " LEFT JOIN {t}.orders o ON (o.paid_at AT TIME ZONE ?)::date = d::date AND o.status"
                + " IN ('paid', 'partially_refunded', 'refunded') GROUP BY d ORDER BY d",
            rs ->
                new Day(
                    rs.getObject("day", LocalDate.class),
                    rs.getLong("orders"),
                    rs.getLong("tickets"),
                    rs.getLong("gross")),
            t.timeZone(),
            days,
            t.timeZone(),
            t.timeZone());
  }
}
