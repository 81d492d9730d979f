package io.marquee.ledger.web;

import io.marquee.catalog.domain.Event;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.domain.Money;
import io.marquee.common.persistence.Sql;
import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ledger.application.LedgerService;
import io.marquee.ledger.application.SalesReports;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Trial balance, orders ⇔ ledger reconciliation, settlement per event, sales exports. */
@Path("/v1")
@RequestScoped
public class LedgerResource {
  @Inject Caller caller;
  @Inject TenantContext tenantContext;
  @Inject SalesReports reports;
  @Inject Sql sql;

  private TenantSnapshot tenant() {
    TenantSnapshot t = tenantContext.require();
    caller.require(Permission.VIEW_REPORTS);
    return t;
  }

  @GET
  @Path("ledger/trial-balance")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject trialBalance() {
    TenantSnapshot t = tenant();
    LedgerService ledger = reports.ledger(t);
    JsonArrayBuilder a = Json.createArrayBuilder();
    long debits = 0;
    long credits = 0;
    for (LedgerService.AccountBalance b : ledger.trialBalance()) {
      debits += b.debits();
      credits += b.credits();
      a.add(
          Json.createObjectBuilder()
              .add("code", b.code())
              .add("name", b.name())
              .add("type", b.type())
              .add("currency", b.currency())
              .add("debitsMinor", b.debits())
              .add("creditsMinor", b.credits())
              .add("balanceMinor", b.balance()));
    }
    return Json.createObjectBuilder()
        .add("accounts", a)
        .add("totalDebitsMinor", debits)
        .add("totalCreditsMinor", credits)
        .add("balanced", debits == credits && ledger.unbalancedEntries() == 0)
        .build();
  }

  @GET
  @Path("ledger/reconciliation")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject reconciliation() {
    TenantSnapshot t = tenant();
    List<LedgerService.Mismatch> m = reports.ledger(t).reconcile();
    JsonArrayBuilder a = Json.createArrayBuilder();
    m.forEach(
        x ->
            a.add(
                Json.createObjectBuilder()
                    .add("orderId", x.orderId().toString())
                    .add("number", x.number())
                    .add("orderNetMinor", x.orderNet())
                    .add("ledgerNetMinor", x.ledgerNet())));
    return Json.createObjectBuilder().add("reconciled", m.isEmpty()).add("mismatches", a).build();
  }

  @GET
  @Path("reports/events/{id}/settlement")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject settlement(@PathParam("id") UUID id) {
    TenantSnapshot t = tenant();
    Event e =
        new CatalogStore(sql.in(t.schema()))
            .event(id)
            .orElseThrow(() -> ProblemException.notFound("no such event"));
    LedgerService.Settlement s = reports.ledger(t).settlement(id, e.currency());
    return Json.createObjectBuilder()
        .add("eventId", id.toString())
        .add("title", e.title())
        .add("currency", s.currency())
        .add("grossSalesMinor", s.gross())
        .add("taxMinor", s.tax() - s.refundedTax())
        .add("bookingFeesMinor", s.fees() - s.refundedFees())
        .add("refundsMinor", s.refunds())
        .add("netRevenueMinor", s.netRevenue())
        .add("netPayableMinor", s.payable())
        .add("paidOrders", s.paidOrders())
        .add("ticketsValid", s.ticketsSold())
        .build();
  }

  @GET
  @Path("reports/sales")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject sales() {
    TenantSnapshot t = tenant();
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (SalesReports.EventSales s : reports.perEvent(t)) {
      a.add(
          Json.createObjectBuilder()
              .add("eventId", s.eventId().toString())
              .add("title", s.title())
              .add("status", s.status())
              .add("startsAt", s.startsAt())
              .add("ticketsSold", s.ticketsSold())
              .add("capacity", s.capacity())
              .add("paidOrders", s.paidOrders())
              .add("grossMinor", s.grossMinor())
              .add("refundedMinor", s.refundedMinor()));
    }
    return Json.createObjectBuilder().add("currency", t.currency()).add("items", a).build();
  }

  @GET
  @Path("reports/sales.csv")
  @Produces("text/csv")
  public Response salesCsv() {
    TenantSnapshot t = tenant();
    StringBuilder csv =
        new StringBuilder(
            "event,status,starts_at,tickets_sold,capacity,paid_orders,gross,refunded,currency\r\n");
    for (SalesReports.EventSales s : reports.perEvent(t)) {
      csv.append(csvField(s.title()))
          .append(',')
          .append(s.status())
          .append(',')
          .append(s.startsAt())
          .append(',')
          .append(s.ticketsSold())
          .append(',')
          .append(s.capacity())
          .append(',')
          .append(s.paidOrders())
          .append(',')
          .append(Money.of(s.grossMinor(), t.currency()).toDecimal().toPlainString())
          .append(',')
          .append(Money.of(s.refundedMinor(), t.currency()).toDecimal().toPlainString())
          .append(',')
          .append(t.currency())
          .append("\r\n");
    }
    return Response.ok(csv.toString())
        .header("Content-Disposition", "attachment; filename=\"sales.csv\"")
        .build();
  }

  @GET
  @Path("reports/sales.xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  public Response salesXlsx() throws IOException {
    TenantSnapshot t = tenant();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "Marquee", "1.0");
    Worksheet ws = wb.newWorksheet("Sales");
    String[] head = {
      "Event",
      "Status",
      "Starts",
      "Tickets sold",
      "Capacity",
      "Paid orders",
      "Gross",
      "Refunded",
      "Currency"
    };
    for (int i = 0; i < head.length; i++) {
      ws.value(0, i, head[i]);
    }
    int row = 1;
    for (SalesReports.EventSales s : reports.perEvent(t)) {
      ws.value(row, 0, s.title());
      ws.value(row, 1, s.status());
      ws.value(row, 2, s.startsAt());
      ws.value(row, 3, s.ticketsSold());
      ws.value(row, 4, s.capacity());
      ws.value(row, 5, s.paidOrders());
      ws.value(row, 6, Money.of(s.grossMinor(), t.currency()).toDecimal());
      ws.value(row, 7, Money.of(s.refundedMinor(), t.currency()).toDecimal());
      ws.value(row, 8, t.currency());
      row++;
    }
    wb.finish();
    return Response.ok(out.toByteArray())
        .header("Content-Disposition", "attachment; filename=\"sales.xlsx\"")
        .build();
  }

  private static String csvField(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}
