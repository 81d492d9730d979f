package io.marquee.billing.web;

import io.marquee.billing.application.Invoicing;
import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The operator's billing: run a month's invoices (idempotent), and every tenant's invoices. */
@Path("/platform/invoices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformInvoicesResource {
  @Inject Caller caller;
  @Inject Invoicing invoicing;

  @POST
  @Path("run")
  public JsonObject run(@QueryParam("month") String month) {
    caller.requireOperator();
    JsonArrayBuilder items = Json.createArrayBuilder();
    invoicing.run(month(month)).forEach(i -> items.add(json(i)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @GET
  public JsonObject all(@QueryParam("month") String month) {
    caller.requireOperator();
    JsonArrayBuilder items = Json.createArrayBuilder();
    java.util.Map<String, Long> totals = new java.util.TreeMap<>();
    for (var i : invoicing.stored(null, month == null ? null : month(month).toString())) {
      items.add(json(i));
      totals.merge(i.currency(), i.total(), Long::sum);
    }
    var byCurrency = Json.createObjectBuilder();
    totals.forEach(byCurrency::add);
    return Json.createObjectBuilder().add("items", items).add("totals", byCurrency).build();
  }

  private static YearMonth month(String month) {
    if (month == null) {
      throw ProblemException.invalid("month", "month is required, e.g. 2026-12");
    }
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("month", "month must look like 2026-12");
    }
  }

  private static JsonObject json(Invoicing.Invoice i) {
    return TenantBillingResource.json(i);
  }
}
