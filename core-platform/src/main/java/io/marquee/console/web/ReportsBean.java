package io.marquee.console.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ledger.application.LedgerService;
import io.marquee.ledger.application.SalesReports;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Console › Reports: sales per event, settlement, ledger health, exports (via the API links). */
@Named("console.reports")
@ViewScoped
public class ReportsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient SalesReports reports;
  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;

  private String eventId;

  private TenantSnapshot t() {
    caller.require(Permission.VIEW_REPORTS);
    return tenant.require();
  }

  public List<Map<String, Object>> getSales() {
    TenantSnapshot t = t();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SalesReports.EventSales s : reports.perEvent(t)) {
      Map<String, Object> m = Rows.of(s);
      m.put("id", s.eventId().toString());
      m.put("gross", ConsoleFormat.money(s.grossMinor(), t.currency()));
      m.put("refunded", ConsoleFormat.money(s.refundedMinor(), t.currency()));
      rows.add(m);
    }
    return rows;
  }

  public Map<String, String> getEventChoices() {
    Map<String, String> m = new LinkedHashMap<>();
    for (SalesReports.EventSales s : reports.perEvent(t())) {
      m.put(s.title(), s.eventId().toString());
    }
    return m;
  }

  public Map<String, Object> getSettlement() {
    if (eventId == null || eventId.isBlank()) {
      return null;
    }
    TenantSnapshot t = t();
    LedgerService.Settlement s =
        reports.ledger(t).settlement(UUID.fromString(eventId), t.currency());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("gross", ConsoleFormat.money(s.gross(), t.currency()));
    m.put("refunds", ConsoleFormat.money(s.refunds(), t.currency()));
    m.put("tax", ConsoleFormat.money(s.tax() - s.refundedTax(), t.currency()));
    m.put("fees", ConsoleFormat.money(s.fees() - s.refundedFees(), t.currency()));
    m.put("net", ConsoleFormat.money(s.netRevenue(), t.currency()));
    m.put("payable", ConsoleFormat.money(s.payable(), t.currency()));
    m.put("orders", s.paidOrders());
    m.put("tickets", s.ticketsSold());
    return m;
  }

  public boolean isBalanced() {
    LedgerService l = reports.ledger(t());
    return l.unbalancedEntries() == 0
        && l.trialBalance().stream().mapToLong(LedgerService.AccountBalance::balance).sum() == 0;
  }

  public int getMismatches() {
    return reports.ledger(t()).reconcile().size();
  }

  public void show() {
    if (eventId == null || eventId.isBlank()) {
      Messages.error(ProblemException.invalid("eventId", "choose an event"));
    }
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String v) {
    eventId = v;
  }
}
