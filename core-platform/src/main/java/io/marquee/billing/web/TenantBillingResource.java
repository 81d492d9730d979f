package io.marquee.billing.web;

import io.marquee.billing.application.Invoicing;
import io.marquee.billing.domain.InvoiceLine;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.tenancy.application.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** What a tenant pays the platform: this month so far, and past invoices. */
@Path("/console/billing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantBillingResource {
  @Inject Caller caller;
  @Inject TenantContext tenant;
  @Inject Invoicing invoicing;
  @Inject io.marquee.billing.application.Plans plans;

  /** One of the tenant's invoices as a PDF; another tenant's invoice id answers 404. */
  @GET
  @Path("invoices/{id}.pdf")
  @Produces("application/pdf")
  public jakarta.ws.rs.core.Response pdf(@jakarta.ws.rs.PathParam("id") String id) {
    caller.require(Permission.VIEW_REPORTS);
    var t = tenant.require();
    Invoicing.Invoice invoice =
        invoicing.stored(t.id(), null).stream()
            .filter(i -> i.id().toString().equals(id))
            .findFirst()
            .orElseThrow(
                () -> io.marquee.common.problem.ProblemException.notFound("no such invoice"));
    byte[] pdf =
        io.marquee.billing.infrastructure.InvoicePdf.render(
            invoice.id().toString(),
            t.displayName(),
            invoice.month(),
            invoice.currency(),
            invoice.lines(),
            invoice.total());
    return jakarta.ws.rs.core.Response.ok(pdf)
        .header(
            "Content-Disposition",
            "inline; filename=\"marquee-invoice-" + invoice.month() + ".pdf\"")
        .build();
  }

  @GET
  public JsonObject tenantBilling() {
    caller.require(Permission.VIEW_REPORTS);
    var t = tenant.require();
    JsonArrayBuilder past = Json.createArrayBuilder();
    invoicing.stored(t.id(), null).forEach(i -> past.add(json(i)));
    List<Invoicing.Invoice> now = invoicing.preview(t.id(), YearMonth.now(ZoneOffset.UTC));
    JsonArrayBuilder commissions = Json.createArrayBuilder();
    now.stream().skip(1).forEach(i -> commissions.add(json(i)));
    // thisMonth is the billing-currency invoice; commissions on sales in other currencies are
    // invoiced in those currencies (thisMonthOtherCurrencies).
    return Json.createObjectBuilder()
        .add("plan", PlatformPlansResource.json(plans.current(t.id())))
        .add("thisMonth", json(now.get(0)))
        .add("thisMonthOtherCurrencies", commissions)
        .add("invoices", past)
        .build();
  }

  static JsonObject json(Invoicing.Invoice i) {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    for (InvoiceLine l : i.lines()) {
      lines.add(
          Json.createObjectBuilder()
              .add("kind", l.kind())
              .add("pluginId", String.valueOf(l.pluginId()))
              .add("description", l.description())
              .add("quantity", l.quantity())
              .add("unitMinor", l.unitMinor())
              .add("amountMinor", l.amountMinor()));
    }
    var b =
        Json.createObjectBuilder()
            .add("tenantId", i.tenantId().toString())
            .add("month", i.month())
            .add("currency", i.currency())
            .add("totalMinor", i.total())
            .add("lines", lines);
    if (i.id() != null) {
      b.add("id", i.id().toString());
    }
    return b.build();
  }
}
