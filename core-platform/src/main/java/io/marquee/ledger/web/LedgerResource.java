package io.marquee.ledger.web;

import io.marquee.catalog.domain.Event;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.persistence.Sql;
import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ledger.application.LedgerService;
import io.marquee.ledger.application.SalesExport;
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
import java.util.List;
import java.util.UUID;

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
    return Response.ok(SalesExport.csv(reports.perEvent(t), t.currency()))
        .header("Content-Disposition", "attachment; filename=\"sales.csv\"")
        .build();
  }

  @GET
  @Path("reports/sales.xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  public Response salesXlsx() {
    TenantSnapshot t = tenant();
    return Response.ok(SalesExport.xlsx(reports.perEvent(t), t.currency()))
        .header("Content-Disposition", "attachment; filename=\"sales.xlsx\"")
        .build();
  }
}
