package io.marquee.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Browsers;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import io.marquee.support.Tenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A guest on the tenant's own domain: finds an event by search, reads its page (with schema.org
 * JSON-LD), buys two tickets through the test gateway and sees them with QR codes; reserves one to
 * pay at the counter and sees the code. Screenshots land in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorefrontBrowserIT {
  static WebDriver browser;
  static Shop shop;
  static String slug;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void setUp() throws Exception {
    shop = Shop.open("store");
    Api staff = shop.staff();
    String venue =
        shop.created(staff.post("/api/v1/venues", "{\"name\":\"Paradiso\",\"city\":\"Amsterdam\"}"))
            .getString("id");
    JsonObject event = shop.event("Moonlight Jazz");
    assertEquals(
        200,
        staff
            .put(
                "/api/v1/events/" + event.getString("id"),
                "{\"venueId\":\"" + venue + "\",\"lineup\":[\"Ella Quartet\"]}")
            .status());
    shop.ticketType(event.getString("id"), "General admission", 2500, 50, 6);
    shop.ticketType(event.getString("id"), "Balcony", 4000, 5, 2);
    shop.publish(event.getString("id"));
    slug = event.getString("slug");
    browser = Browsers.chromium();
  }

  @AfterAll
  static void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  static String url(String path) {
    return "http://" + Tenants.host(shop.slug) + ":" + Platform.httpPort() + path;
  }

  static WebElement waitFor(By by) {
    return io.marquee.support.Browsers.waitFor(browser, by);
  }

  static void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.copy(
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
        dir.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void findBuyAndSeeTicketsThenReserveAtTheCounter() throws Exception {
    browser.get(url("/?q=nothing-matches-this"));
    waitFor(By.id("no-events"));
    browser.get(url("/"));
    WebElement search = waitFor(By.id("search"));
    search.sendKeys("ella quartet");
    browser.findElement(By.id("search-go")).click();
    waitFor(By.linkText("Moonlight Jazz"));
    screenshot("home-search");
    browser.findElement(By.linkText("Moonlight Jazz")).click();

    assertEquals("Moonlight Jazz", waitFor(By.id("event-title")).getText());
    String jsonLd = browser.findElement(By.id("event-jsonld")).getAttribute("innerHTML");
    JsonObject ld = Json.createReader(new StringReader(jsonLd)).readObject();
    assertEquals("Event", ld.getString("@type"));
    assertEquals("Moonlight Jazz", ld.getString("name"));
    assertTrue(ld.getString("startDate").contains("T"));
    assertEquals("Paradiso", ld.getJsonObject("location").getString("name"));
    assertEquals(2, ld.getJsonArray("offers").size());
    assertTrue(
        ld.getJsonArray("offers").stream()
            .map(v -> v.asJsonObject())
            .anyMatch(
                o ->
                    o.getString("name").equals("General admission")
                        && o.getString("price").equals("25.00")
                        && o.getString("priceCurrency").equals("EUR")),
        ld.toString());
    assertTrue(
        browser.findElement(By.id("ticket-types")).getText().contains("Only 5 left"),
        "few-left shown for Balcony");
    screenshot("event");

    new Select(
            browser.findElement(
                By.cssSelector("select[aria-label='Quantity of General admission']")))
        .selectByVisibleText("2");
    browser.findElement(By.id("buy:name")).sendKeys("Grace <b>Guest</b>");
    browser.findElement(By.id("buy:email")).sendKeys("grace@example.com");
    browser.findElement(By.id("buy:pay-online")).click();
    waitFor(By.id("pay")).click();
    waitFor(By.id("tickets"));
    assertEquals("paid", browser.findElement(By.id("order-status")).getText());
    assertEquals(2, browser.findElements(By.cssSelector("#tickets .qr svg")).size());
    assertTrue(
        browser.getPageSource().contains("Grace &lt;b&gt;Guest&lt;/b&gt;"), "names are escaped");
    screenshot("tickets");

    browser.get(url("/event.xhtml?e=" + slug));
    new Select(waitFor(By.cssSelector("select[aria-label='Quantity of Balcony']")))
        .selectByVisibleText("1");
    browser.findElement(By.id("buy:name")).sendKeys("Cash Buyer");
    browser.findElement(By.id("buy:email")).sendKeys("cash@example.com");
    browser.findElement(By.id("buy:pay-counter")).click();
    assertEquals(8, waitFor(By.id("counter-code")).getText().length());
    assertEquals("pending", browser.findElement(By.id("order-status")).getText());
    screenshot("counter-reservation");

    // Nothing chosen: a clear message, no order.
    browser.get(url("/event.xhtml?e=" + slug));
    waitFor(By.id("buy:name")).sendKeys("Nobody");
    browser.findElement(By.id("buy:email")).sendKeys("nobody@example.com");
    browser.findElement(By.id("buy:pay-online")).click();
    assertTrue(waitFor(By.id("store-messages")).getText().contains("choose at least one ticket"));
  }

  @Test
  void unknownEventsAndOrdersAnswer404AndTheCalendarFileIsServed() {
    Api guest = shop.guest();
    assertEquals(404, guest.get("/event.xhtml?e=no-such-event").status());
    assertEquals(
        404, guest.get("/order.xhtml?id=" + java.util.UUID.randomUUID() + "&token=x").status());
    Api.Reply robots = guest.get("/robots.txt");
    assertTrue(
        robots.body().contains("Disallow: /console/")
            && robots.body().contains("Sitemap: http://" + Tenants.host(shop.slug)),
        robots.body());
    Api.Reply sitemap = guest.get("/sitemap.xml");
    assertTrue(sitemap.body().contains("/event.xhtml?e=" + slug + "</loc>"), sitemap.body());
    Api.Reply ics = guest.get("/api/v1/public/events/" + slug + "/calendar.ics");
    assertEquals(200, ics.status());
    assertTrue(
        ics.body().startsWith("BEGIN:VCALENDAR") && ics.body().contains("SUMMARY:Moonlight Jazz"),
        ics.body());
  }
}
