package io.marquee.console.web;

import io.marquee.billing.application.Invoicing;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.plugins.application.Marketplace;
import io.marquee.tenancy.application.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Console Marketplace (add-ons with prices, enable/disable) and Billing (what the tenant pays). */
@Named("console.marketplace")
@RequestScoped
public class MarketplaceBean {
  @Inject Caller caller;
  @Inject TenantContext tenant;
  @Inject Marketplace marketplace;
  @Inject Invoicing invoicing;
  @Inject io.marquee.billing.application.Plans plans;

  public List<Map<String, Object>> getCards() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Marketplace.Card c : marketplace.catalogue(tenant.require())) {
      var p = c.plugin();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("name", p.name());
      m.put("category", p.category());
      m.put("description", p.description());
      m.put("version", p.version());
      m.put("monthly", ConsoleFormat.money(p.price().monthlyMinor(), p.price().currency()));
      m.put("today", ConsoleFormat.money(c.proratedTodayMinor(), p.price().currency()));
      List<String> units = new ArrayList<>();
      p.price()
          .unitPricesMinor()
          .forEach((u, v) -> units.add(ConsoleFormat.money(v, p.price().currency()) + " per " + u));
      m.put("units", String.join(", ", units));
      m.put("enabled", c.enabled());
      m.put("failures", c.failures());
      m.put("startable", "STARTED".equals(p.state()));
      m.put("hasSettings", !p.settings().isEmpty());
      out.add(m);
    }
    return out;
  }

  public void enable(String id) {
    change(id, true);
  }

  public void disable(String id) {
    change(id, false);
  }

  private void change(String id, boolean on) {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_PLUGINS);
          boolean changed = marketplace.change(tenant.require(), id, on, caller.actor());
          Messages.info(changed ? (on ? "Enabled " : "Disabled ") + id : id + " was already so");
        });
  }

  /** This month so far, one invoice per currency (the billing currency first). */
  public List<Invoicing.Invoice> getThisMonth() {
    return invoicing.preview(tenant.require().id(), YearMonth.now(ZoneOffset.UTC));
  }

  /** The tenant's plan, as people read it: "Pay as you go: €0.00 a month, 15 % commission…". */
  public String getPlan() {
    var p = plans.current(tenant.require().id());
    List<String> tiers = new ArrayList<>();
    for (var t : p.tiers()) {
      tiers.add(
          io.marquee.billing.domain.Commission.percent(t.bps())
              + " %"
              + (t.fromTickets() == 0 ? "" : " from " + t.fromTickets() + " tickets a month"));
    }
    return p.name()
        + ": "
        + ConsoleFormat.money(p.monthlyMinor(), p.currency())
        + " a month, commission on ticket revenue "
        + String.join(", ", tiers);
  }

  public List<Invoicing.Invoice> getInvoices() {
    return invoicing.stored(tenant.require().id(), null);
  }

  public String money(long minor, String currency) {
    return ConsoleFormat.money(minor, currency);
  }
}
