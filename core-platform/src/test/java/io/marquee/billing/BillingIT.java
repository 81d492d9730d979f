package io.marquee.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.billing.domain.Proration;
import io.marquee.support.Api;
import io.marquee.support.Database;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Billing with a real plugin jar (the recorder: €15.00 a month, €0.02 per issued ticket): the
 * marketplace shows the price and today's prorated amount; enable, disable and enable again in one
 * day bill each day once (today to the month's end, as the marketplace said); redelivered usage
 * bills once; the month's invoice run is idempotent and its ledger entry balances.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BillingIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  static JsonObject recorder(Shop s) {
    return s.staff().get("/api/console/plugins").json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject())
        .filter(p -> p.getString("id").equals("recorder"))
        .findFirst()
        .orElseThrow();
  }

  static long usageLine(JsonObject invoice) {
    return invoice.getJsonArray("lines").stream()
        .map(v -> v.asJsonObject())
        .filter(l -> l.getString("kind").equals("usage"))
        .mapToLong(l -> l.getJsonNumber("quantity").longValue())
        .sum();
  }

  static JsonObject line(JsonObject invoice, String kind) {
    return invoice.getJsonArray("lines").stream()
        .map(v -> v.asJsonObject())
        .filter(l -> l.getString("kind").equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " line in " + invoice));
  }

  @Test
  void proratedSubscriptionUsageAndAnIdempotentBalancedInvoice() throws Exception {
    Shop s = Shop.open("bill");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    YearMonth month = YearMonth.from(today);
    int daysLeft = month.lengthOfMonth() - today.getDayOfMonth() + 1;

    JsonObject listing = recorder(s);
    assertEquals(1500, listing.getInt("monthlyMinor"));
    assertEquals("EUR", listing.getString("currency"));
    assertEquals(Proration.amount(1500, month, daysLeft), listing.getInt("proratedTodayMinor"));

    Api staff = s.staff();
    assertEquals(200, staff.post("/api/console/plugins/recorder/enable", "{}").status());
    assertEquals(200, staff.post("/api/console/plugins/recorder/disable", "{}").status());
    assertEquals(200, staff.post("/api/console/plugins/recorder/enable", "{}").status());

    String event = s.event("Billed night").getString("id");
    String type = s.ticketType(event, "GA", 1000, 100, 4).getString("id");
    s.publish(event);
    for (int i = 0; i < 2; i++) {
      JsonObject order = s.created(s.order(event, type, 2));
      s.payWithTestGateway(order, true);
    }
    // 4 tickets issued; the recorder meters each twice with one tracking id: 4 units, not 8.
    long deadline = System.currentTimeMillis() + 30_000;
    JsonObject current = null;
    while (System.currentTimeMillis() < deadline) {
      current = staff.get("/api/console/billing").json().getJsonObject("thisMonth");
      if (usageLine(current) >= 4) {
        break;
      }
      Thread.sleep(300);
    }
    Thread.sleep(2000);
    current = staff.get("/api/console/billing").json().getJsonObject("thisMonth");
    assertEquals(4, usageLine(current), current.toString());

    // Enabled, disabled and enabled again today, still on: billed from today to the month's end,
    // each day once, which is what the marketplace showed as today's prorated amount.
    long fee = Proration.amount(1500, month, daysLeft);
    JsonObject sub =
        current.getJsonArray("lines").stream()
            .map(v -> v.asJsonObject())
            .filter(l -> l.getString("kind").equals("subscription"))
            .findFirst()
            .orElseThrow();
    assertEquals(daysLeft, sub.getInt("quantity"));
    assertEquals(listing.getInt("proratedTodayMinor"), fee);
    assertEquals(fee, sub.getJsonNumber("amountMinor").longValue());
    // The default plan (pay as you go, no fee) takes 15 % of the month's net ticket revenue: four
    // tickets of 10.00 EUR make 40.00 EUR of revenue in the tenant's own ledger, so 6.00 EUR.
    assertEquals(
        4000,
        Database.number(
            "SELECT sum(credit_minor - debit_minor) FROM "
                + s.schema()
                + ".journal_line WHERE account_code LIKE 'revenue:%'"));
    assertEquals(600, line(current, "commission").getJsonNumber("amountMinor").longValue());
    assertEquals(fee + 4 * 2 + 600, current.getJsonNumber("totalMinor").longValue());

    // The month's run, twice: one invoice, same total, one balanced ledger entry.
    Api operator = Api.platform().bearer(Keycloak.operatorToken());
    assertEquals(400, operator.post("/api/platform/invoices/run?month=December", "{}").status());
    Api.Reply first = operator.post("/api/platform/invoices/run?month=" + month, "{}");
    assertEquals(200, first.status(), first.toString());
    Api.Reply second = operator.post("/api/platform/invoices/run?month=" + month, "{}");
    String tenantId =
        Database.number(
                    "SELECT count(*) FROM platform.invoice i JOIN platform.tenant t ON t.id ="
                        + " i.tenant_id WHERE t.slug = ? AND i.month = ?",
                    s.slug,
                    month.toString())
                == 1
            ? "one"
            : "many";
    assertEquals("one", tenantId, "a rerun does not bill twice");
    JsonObject mine =
        staff.get("/api/console/billing").json().getJsonArray("invoices").getJsonObject(0);
    assertEquals(fee + 8 + 600, mine.getJsonNumber("totalMinor").longValue());
    assertTrue(second.body().contains(mine.getString("id")), "the rerun returns the same invoice");
    assertEquals(
        0,
        Database.number(
            "SELECT coalesce(sum(l.debit) - sum(l.credit), -1) FROM platform.ledger_line l JOIN"
                + " platform.ledger_entry e ON e.id = l.entry_id WHERE e.invoice_id = ?::uuid",
            mine.getString("id")),
        "the invoice's ledger entry balances");
    assertEquals(
        fee + 8 + 600,
        Database.number(
            "SELECT sum(l.debit) FROM platform.ledger_line l JOIN platform.ledger_entry e ON e.id"
                + " = l.entry_id WHERE e.invoice_id = ?::uuid",
            mine.getString("id")));
    assertEquals(
        1,
        Database.number(
            "SELECT count(*) FROM platform.ledger_entry WHERE invoice_id = ?::uuid",
            mine.getString("id")));

    Api.Reply pdf = staff.get("/api/console/billing/invoices/" + mine.getString("id") + ".pdf");
    assertEquals(200, pdf.status());
    assertTrue(pdf.body().startsWith("%PDF-"), "a PDF");

    // Another tenant sees none of it.
    Shop other = Shop.open("bill-other");
    assertEquals(
        404,
        other
            .staff()
            .get("/api/console/billing/invoices/" + mine.getString("id") + ".pdf")
            .status());
    assertEquals(
        0, other.staff().get("/api/console/billing").json().getJsonArray("invoices").size());
    assertEquals(403, staff.post("/api/platform/invoices/run?month=" + month, "{}").status());
  }

  @Test
  void theOperatorGrantsAnAddOnFreeOrForcesItOff() {
    Shop s = Shop.open("override");
    Api operator = Api.platform().bearer(Keycloak.operatorToken());
    assertEquals(200, s.staff().post("/api/console/plugins/recorder/enable", "{}").status());
    JsonObject before = s.staff().get("/api/console/billing").json().getJsonObject("thisMonth");
    assertTrue(before.getJsonNumber("totalMinor").longValue() > 0, before.toString());

    Api.Reply free =
        operator.put("/api/platform/plugins/recorder/tenants/" + s.slug, "{\"free\":true}");
    assertEquals(200, free.status(), free.toString());
    JsonObject after = s.staff().get("/api/console/billing").json().getJsonObject("thisMonth");
    assertEquals(0, after.getJsonNumber("totalMinor").longValue(), "granted free: nothing to pay");

    Api.Reply off =
        operator.put(
            "/api/platform/plugins/recorder/tenants/" + s.slug, "{\"forceDisabled\":true}");
    assertEquals(200, off.status(), off.toString());
    assertEquals(false, recorder(s).getBoolean("enabled"), "switched off by the operator");
    Api.Reply again = s.staff().post("/api/console/plugins/recorder/enable", "{}");
    assertEquals(409, again.status(), again.toString());
    assertTrue(again.body().contains("operator"), again.body());
    assertEquals(
        403,
        s.staff()
            .put("/api/platform/plugins/recorder/tenants/" + s.slug, "{\"free\":true}")
            .status());
    assertEquals(
        404, operator.put("/api/platform/plugins/recorder/tenants/no-such-tenant", "{}").status());
  }

  @Test
  void aPlanFeeInEurosAndTheCommissionInTheCurrencyTheTenantSellsIn() {
    Shop s =
        Shop.open(
            "plan",
            "Plan Expo " + java.util.UUID.randomUUID().toString().substring(0, 8),
            "IDR",
            "id-ID",
            "Asia/Jakarta",
            "expo");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    YearMonth month = YearMonth.from(today);
    int daysLeft = month.lengthOfMonth() - today.getDayOfMonth() + 1;
    Api operator = Api.platform().bearer(Keycloak.operatorToken());

    Api.Reply unknown =
        operator.put("/api/platform/plans/tenants/" + s.slug, "{\"plan\":\"gold\"}");
    assertEquals(400, unknown.status(), unknown.toString());
    assertTrue(
        unknown.body().contains("\"plan\"") && unknown.body().contains("payg"), unknown.body());
    assertEquals(400, operator.put("/api/platform/plans/tenants/" + s.slug, "{}").status());
    assertEquals(
        403, s.staff().put("/api/platform/plans/tenants/" + s.slug, "{\"plan\":\"pro\"}").status());
    Api.Reply pro = operator.put("/api/platform/plans/tenants/" + s.slug, "{\"plan\":\"pro\"}");
    assertEquals(200, pro.status(), pro.toString());
    assertEquals(9900, pro.json().getJsonObject("plan").getInt("monthlyMinor"));

    String event = s.event("Expo day").getString("id");
    String type = s.ticketType(event, "Visitor", 150_000, 100, 4).getString("id");
    s.publish(event);
    s.payWithTestGateway(s.created(s.order(event, type, 3)), true);

    JsonObject billing = s.staff().get("/api/console/billing").json();
    assertEquals("pro", billing.getJsonObject("plan").getString("code"));
    JsonObject eur = billing.getJsonObject("thisMonth");
    assertEquals("EUR", eur.getString("currency"));
    JsonObject planLine = line(eur, "plan");
    assertEquals(daysLeft, planLine.getInt("quantity"), "Pro from today, prorated by day");
    assertEquals(
        Proration.amount(9900, month, daysLeft), planLine.getJsonNumber("amountMinor").longValue());
    assertEquals(1, eur.getJsonArray("lines").size(), "pay as you go had no fee: one line");
    // 3 × IDR 150,000 = IDR 450,000 at Pro's 2.5 % = IDR 11,250, invoiced in rupiah.
    JsonObject idr = billing.getJsonArray("thisMonthOtherCurrencies").getJsonObject(0);
    assertEquals("IDR", idr.getString("currency"));
    assertEquals(11_250, line(idr, "commission").getJsonNumber("amountMinor").longValue());
    assertTrue(line(idr, "commission").getString("description").contains("2.5 %"), idr.toString());

    assertEquals(200, operator.post("/api/platform/invoices/run?month=" + month, "{}").status());
    assertEquals(200, operator.post("/api/platform/invoices/run?month=" + month, "{}").status());
    assertEquals(
        2,
        Database.number(
            "SELECT count(*) FROM platform.invoice i JOIN platform.tenant t ON t.id = i.tenant_id"
                + " WHERE t.slug = ? AND i.month = ?",
            s.slug,
            month.toString()),
        "one invoice in EUR, one in IDR, each once");
    assertEquals(
        0,
        Database.number(
            "SELECT count(*) FROM (SELECT e.id FROM platform.ledger_entry e JOIN"
                + " platform.ledger_line l ON l.entry_id = e.id JOIN platform.invoice i ON i.id ="
                + " e.invoice_id JOIN platform.tenant t ON t.id = i.tenant_id WHERE t.slug = ?"
                + " GROUP BY e.id HAVING sum(l.debit) <> sum(l.credit)) x",
            s.slug),
        "both ledger entries balance");
    assertEquals(
        11_250,
        Database.number(
            "SELECT sum(l.credit) FROM platform.ledger_line l JOIN platform.ledger_entry e ON e.id"
                + " = l.entry_id JOIN platform.invoice i ON i.id = e.invoice_id JOIN"
                + " platform.tenant t ON t.id = i.tenant_id WHERE t.slug = ? AND e.currency ="
                + " 'IDR' AND l.account = 'revenue:commission'",
            s.slug));
  }
}
