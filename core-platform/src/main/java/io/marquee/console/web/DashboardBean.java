package io.marquee.console.web;

import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ledger.application.SalesReports;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** Console › Dashboard: today's sales, revenue, tickets by event and a 14-day sales chart. */
@Named("console.dashboard")
@RequestScoped
public class DashboardBean {
  @Inject SalesReports reports;
  @Inject Caller caller;
  @Inject TenantContext tenant;

  private List<SalesReports.Day> days;
  private List<SalesReports.EventSales> events;

  private TenantSnapshot t() {
    caller.require(Permission.VIEW_DASHBOARD);
    return tenant.require();
  }

  private List<SalesReports.Day> days() {
    if (days == null) {
      days = reports.daily(t(), 14);
    }
    return days;
  }

  public boolean isCanSeeSales() {
    return caller.can(Permission.VIEW_REPORTS);
  }

  public List<Map<String, Object>> getEvents() {
    if (events == null) {
      events = reports.perEvent(t());
    }
    TenantSnapshot t = t();
    return events.stream()
        .map(
            e -> {
              Map<String, Object> m = Rows.of(e);
              m.put("gross", ConsoleFormat.money(e.grossMinor(), t.currency()));
              return m;
            })
        .toList();
  }

  public boolean isNoEvents() {
    return getEvents().isEmpty();
  }

  public String getTodayRevenue() {
    SalesReports.Day d = days().get(days().size() - 1);
    return ConsoleFormat.money(d.grossMinor(), t().currency());
  }

  public long getTodayOrders() {
    return days().get(days().size() - 1).orders();
  }

  public long getTodayTickets() {
    return days().get(days().size() - 1).tickets();
  }

  public String getTotalRevenue() {
    long sum =
        reports.perEvent(t()).stream().mapToLong(e -> e.grossMinor() - e.refundedMinor()).sum();
    return ConsoleFormat.money(sum, t().currency());
  }

  /** An inline SVG bar chart of paid revenue per day; no script needed. */
  public String getChartSvg() {
    List<SalesReports.Day> d = days();
    long max = Math.max(1, d.stream().mapToLong(SalesReports.Day::grossMinor).max().orElse(1));
    int w = 28;
    StringBuilder svg =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Sales over the last 14 days\" viewBox=\"0 0 "
                + (d.size() * w)
                + " 140\" width=\"100%\" height=\"160\">");
    for (int i = 0; i < d.size(); i++) {
      long h = d.get(i).grossMinor() * 110 / max;
      svg.append("<rect x=\"")
          .append(i * w + 4)
          .append("\" y=\"")
          .append(120 - h)
          .append("\" width=\"")
          .append(w - 8)
          .append("\" height=\"")
          .append(h)
          .append("\" fill=\"#4f46e5\"><title>")
          .append(d.get(i).day())
          .append(": ")
          .append(ConsoleFormat.money(d.get(i).grossMinor(), t().currency()))
          .append("</title></rect>");
      svg.append("<text x=\"")
          .append(i * w + w / 2)
          .append("\" y=\"135\" font-size=\"8\" text-anchor=\"middle\">")
          .append(d.get(i).day().getDayOfMonth())
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }
}
