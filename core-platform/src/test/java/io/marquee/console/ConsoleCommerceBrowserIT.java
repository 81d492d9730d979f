package io.marquee.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Tenants;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The organiser's path in a real browser: sign in, add a venue, create an event with two ticket
 * types, publish it; a buyer pays; the order shows in the console and is refunded there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleCommerceBrowserIT {
  static WebDriver browser;
  static String slug;
  static String owner;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void setUp() throws Exception {
    owner = Keycloak.createUser("owner");
    slug = Tenants.uniqueSlug("console");
    Tenants.provision(Keycloak.operatorToken(), slug, owner);
    browser = ConsoleBrowserIT.newBrowser();
  }

  @AfterAll
  static void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  static WebElement waitFor(By by) {
    return io.marquee.support.Browsers.waitFor(browser, by);
  }

  static void waitForText(By by, String text) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    } catch (org.openqa.selenium.TimeoutException e) {
      String messages =
          browser.findElements(By.id("inline-messages")).stream()
              .map(WebElement::getText)
              .findFirst()
              .orElse("");
      throw new AssertionError(
          "no '"
              + text
              + "' in "
              + by
              + "; messages: "
              + messages
              + "; page: "
              + browser.findElement(By.tagName("main")).getText()
              + "; source: "
              + excerpt(browser.getPageSource(), by),
          e);
    }
  }

  static String excerpt(String page, By by) {
    String id = by.toString().replace("By.id: ", "");
    int i = page.indexOf(id);
    return i < 0
        ? page.substring(0, Math.min(2000, page.length()))
        : page.substring(Math.max(0, i - 300), Math.min(page.length(), i + 500));
  }

  static void type(String id, String text) {
    WebElement e = waitFor(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  @Test
  void createPublishSellAndRefund() {
    browser.get(url("/console/"));
    waitFor(By.id("username")).sendKeys(owner);
    browser.findElement(By.id("kc-login")).click();
    waitFor(By.id("password")).sendKeys(Keycloak.passwordOf(owner));
    browser.findElement(By.id("kc-login")).click();
    waitFor(By.id("dashboard-empty"));

    browser.get(url("/console/venues.xhtml"));
    type("venues:name", "Melkweg");
    type("venues:city", "Amsterdam");
    type("venues:capacity", "1500");
    browser.findElement(By.id("venues:add")).click();
    waitForText(By.id("venues:list"), "Melkweg");

    browser.get(url("/console/events.xhtml"));
    type("events:title", "Browser Night");
    type("events:starts", LocalDate.now().plusDays(40) + " 21:00");
    browser.findElement(By.id("events:create")).click();
    waitFor(By.id("event-title"));
    assertEquals("Browser Night", browser.findElement(By.id("event-title")).getText());
    assertEquals("draft", browser.findElement(By.id("event-status")).getText().toLowerCase());
    String eventId = browser.getCurrentUrl().replaceAll(".*id=", "");

    browser.findElement(By.xpath("//a[contains(., 'Tickets and quotas')]")).click();
    type("ev:steps:type-name", "General admission");
    type("ev:steps:type-price", "25.00");
    type("ev:steps:type-capacity", "100");
    browser.findElement(By.id("ev:steps:add-type")).click();
    waitForText(By.id("ev:steps:types"), "General admission");
    type("ev:steps:type-name", "VIP");
    type("ev:steps:type-price", "60.00");
    type("ev:steps:type-capacity", "20");
    browser.findElement(By.id("ev:steps:add-type")).click();
    waitForText(By.id("ev:steps:types"), "VIP");
    assertTrue(browser.findElement(By.id("ev:steps:types")).getText().contains("25.00 EUR"));

    browser.findElement(By.xpath("//a[contains(., 'Publish')]")).click();
    waitFor(By.id("ev:steps:publish-now")).click();
    waitForText(By.id("event-status"), "published");

    // A buyer on the tenant's site buys two tickets and pays at the test gateway.
    Api guest = Api.host(Tenants.host(slug));
    JsonObject event = guest.get("/api/v1/public/events/" + eventId).json();
    String ga =
        event.getJsonArray("ticketTypes").stream()
            .map(v -> v.asJsonObject())
            .filter(t -> t.getString("name").equals("General admission"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    JsonObject order =
        guest
            .post(
                "/api/v1/orders",
                "{\"eventId\":\""
                    + eventId
                    + "\",\"items\":[{\"ticketTypeId\":\""
                    + ga
                    + "\",\"quantity\":2}],\"buyer\":{\"name\":\"Browser Buyer\",\"email\":\"bb@example.com\"}}")
            .json();
    String page =
        guest
            .header("X-Order-Token", order.getString("accessToken"))
            .post(
                "/api/v1/orders/" + order.getString("id") + "/payments", "{\"provider\":\"test\"}")
            .json()
            .getString("redirectUrl");
    // The buyer's own browser pays on the hosted page.
    browser.get(url(page));
    waitFor(By.id("amount"));
    assertEquals("50.00 EUR", browser.findElement(By.id("amount")).getText());
    browser.findElement(By.id("pay")).click();
    waitForText(By.id("result"), "Payment paid");

    browser.get(url("/console/orders.xhtml"));
    waitForText(By.id("orders:list"), order.getString("number"));
    assertTrue(browser.findElement(By.id("orders:list")).getText().contains("Browser Buyer"));
    browser.findElement(By.linkText(order.getString("number"))).click();
    waitForText(By.id("order-status"), "paid");
    assertEquals("50.00 EUR", browser.findElement(By.id("order-total")).getText());

    browser.findElement(By.id("order:refund-all")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.alertIsPresent())
        .accept();
    waitForText(By.id("order-status"), "refunded");
    assertEquals("50.00 EUR", browser.findElement(By.id("order-refunded")).getText());

    browser.get(url("/console/reports.xhtml"));
    waitForText(By.id("ledger-balanced"), "balanced");
    assertEquals("reconciled", browser.findElement(By.id("ledger-reconciled")).getText());
    browser.get(url("/console/"));
    assertEquals("1", waitFor(By.id("today-orders")).getText());
  }

  static String url(String path) {
    return "http://" + Tenants.host(slug) + ":" + Platform.httpPort() + path;
  }
}
