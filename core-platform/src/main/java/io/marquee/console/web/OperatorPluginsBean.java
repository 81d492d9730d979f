package io.marquee.console.web;

import io.marquee.billing.application.Invoicing;
import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.plugins.application.PluginInstaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;

/** Operator console: installed plugins with adoption and failures, uploads, and invoice runs. */
@Named("operator.plugins")
@RequestScoped
public class OperatorPluginsBean {
  @Inject Caller caller;
  @Inject io.marquee.plugins.application.Marketplace marketplace;
  @Inject PluginInstaller installer;
  @Inject Invoicing invoicing;

  private String month = YearMonth.now(ZoneOffset.UTC).toString();

  public List<Map<String, Object>> getPlugins() {
    caller.requireOperator();
    List<Map<String, Object>> out = new ArrayList<>();
    for (var r : marketplace.operatorView()) {
      var p = r.plugin();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("name", p.name());
      m.put("version", p.version());
      m.put("state", p.state());
      m.put("price", ConsoleFormat.money(p.price().monthlyMinor(), p.price().currency()));
      m.put("tenants", r.tenants());
      m.put("calls", r.calls());
      m.put("failures", r.failures());
      m.put("flagged", r.flagged());
      out.add(m);
    }
    return out;
  }

  /** A plugin jar uploaded in the console: installed or upgraded at once, no restart. */
  public void upload(FileUploadEvent event) {
    Messages.guard(
        () -> {
          caller.requireOperator();
          var r = installer.install(event.getFile().getContent());
          Messages.info(
              "Installed "
                  + r.plugin().id()
                  + " "
                  + r.plugin().version()
                  + " ("
                  + r.plugin().state()
                  + "); migrated "
                  + r.migratedTenants().size()
                  + " tenants");
        });
  }

  public void runInvoices() {
    Messages.guard(
        () -> {
          caller.requireOperator();
          YearMonth m;
          try {
            m = YearMonth.parse(month.strip());
          } catch (RuntimeException e) {
            throw ProblemException.invalid("month", "month must look like 2026-12");
          }
          Messages.info("Invoiced " + invoicing.run(m).size() + " tenants for " + m);
        });
  }

  public List<Invoicing.Invoice> getInvoices() {
    caller.requireOperator();
    try {
      return invoicing.stored(null, YearMonth.parse(month.strip()).toString());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** The month's totals, one per currency ("123.00 EUR, 4,500 IDR"). */
  public String getInvoicesTotal() {
    java.util.Map<String, Long> totals = new java.util.TreeMap<>();
    getInvoices().forEach(i -> totals.merge(i.currency(), i.total(), Long::sum));
    totals.putIfAbsent(invoicing.billingCurrency(), 0L);
    List<String> out = new java.util.ArrayList<>();
    totals.forEach((c, v) -> out.add(ConsoleFormat.money(v, c)));
    return String.join(", ", out);
  }

  public String money(long minor, String currency) {
    return ConsoleFormat.money(minor, currency);
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month;
  }
}
