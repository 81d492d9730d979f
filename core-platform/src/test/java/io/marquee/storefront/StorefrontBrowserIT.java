package io.marquee.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Browsers;
import io.marquee.support.Database;
import io.marquee.support.MailServer;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import io.marquee.support.Tenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;

/**
 * The attendee's journey on two tenants' own domains, in a real Chromium on a phone-sized screen:
 * search, event page with structured data, guest purchase with the test gateway and the mail at a
 * real SMTP server, counter reservation, failed payment and expired hold, one-time-code sign-in,
 * "My tickets" offline, transfer and refunds under the event's policy. The second tenant speaks
 * Indonesian in IDR and sees none of the first one's data. Screenshots land in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorefrontBrowserIT {
  static WebDriver browser;
  static io.marquee.support.CuttableRelay network;
  static Shop shop;
  static Shop expo;
  static String slug;
  static String eventId;
  static String gaType;
  static String comedyId;
  static String comedyType;
  static String expoSlug;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void setUp() throws Exception {
    MailServer.get();
    shop = Shop.open("store");
    Api staff = shop.staff();
    String venue =
        shop.created(
                staff.post(
                    "/api/v1/venues",
                    "{\"name\":\"Paradiso\",\"city\":\"Amsterdam\",\"latitude\":52.3622,"
                        + "\"longitude\":4.8838}"))
            .getString("id");
    JsonObject event = shop.event("Moonlight Jazz");
    eventId = event.getString("id");
    assertEquals(
        200,
        staff
            .put(
                "/api/v1/events/" + eventId,
                "{\"venueId\":\""
                    + venue
                    + "\",\"lineup\":[\"Ella Quartet\"],\"genres\":[\"jazz\"],"
                    + "\"refundPolicy\":[{\"minDaysBefore\":7,\"refundPercent\":80}]}")
            .status());
    gaType = shop.ticketType(eventId, "General admission", 2500, 50, 6).getString("id");
    shop.ticketType(eventId, "Balcony", 4000, 5, 2);
    shop.publish(eventId);
    slug = event.getString("slug");

    JsonObject comedy = shop.event("Comedy Night");
    comedyId = comedy.getString("id");
    assertEquals(
        200,
        staff
            .put(
                "/api/v1/events/" + comedyId,
                "{\"refundPolicy\":[{\"minDaysBefore\":0,\"refundPercent\":100,"
                    + "\"approvalRequired\":true}]}")
            .status());
    comedyType = shop.ticketType(comedyId, "Seat", 1800, 40, 4).getString("id");
    shop.publish(comedyId);

    expo =
        Shop.open(
            "expo", "Jakarta Expo " + UUID.randomUUID(), "IDR", "id-ID", "Asia/Jakarta", "expo");
    JsonObject fair = expo.event("Pameran Teknologi");
    expo.ticketType(fair.getString("id"), "Umum", 15_000_000, 100, 4);
    expo.publish(fair.getString("id"));
    expoSlug = fair.getString("slug");

    // The browser reaches the server through a relay the test can cut: a real loss of network.
    network = new io.marquee.support.CuttableRelay(Platform.httpPort());
    browser =
        Browsers.chromium(
            "--proxy-server=http://127.0.0.1:" + network.port(), "--proxy-bypass-list=<-loopback>");
    // A phone-sized screen: the storefront is mobile-first.
    browser.manage().window().setSize(new Dimension(412, 915));
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (network != null) {
      network.close();
    }
  }

  static String url(Shop s, String path) {
    return "http://" + Tenants.host(s.slug) + ":" + Platform.httpPort() + path;
  }

  static WebElement waitFor(By by) {
    return Browsers.waitFor(browser, by);
  }

  static void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.copy(
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
        dir.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /** A paid guest order through the API (the purchase flow itself is tested in the browser). */
  static JsonObject paidOrder(String event, String type, int quantity, String buyerEmail) {
    Api.Reply r =
        shop.guest()
            .post(
                "/api/v1/orders",
                "{\"eventId\":\""
                    + event
                    + "\",\"items\":[{\"ticketTypeId\":\""
                    + type
                    + "\",\"quantity\":"
                    + quantity
                    + "}],\"buyer\":{\"name\":\"Ada Buyer\",\"email\":\""
                    + buyerEmail
                    + "\"}}");
    JsonObject order = shop.created(r);
    shop.payWithTestGateway(order, true);
    assertEquals("paid", shop.buyerView(order).getString("status"));
    return order;
  }

  static List<Part> attachments(MimeMessage m, String contentType) throws Exception {
    return MailServer.parts(m).stream()
        .filter(
            p -> {
              try {
                return p.isMimeType(contentType);
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void guestFindsAnEventBuysTwoTicketsAndGetsThemByMail() throws Exception {
    browser.get(url(shop, "/?q=nothing-matches-this"));
    waitFor(By.id("no-events"));
    browser.get(url(shop, "/"));
    screenshot("home");
    WebElement search = waitFor(By.id("search"));
    search.sendKeys("ella quartet");
    browser.findElement(By.id("search-go")).click();
    waitFor(By.linkText("Moonlight Jazz"));
    assertFalse(browser.getPageSource().contains("Comedy Night"), "search narrows the list");
    screenshot("search");
    browser.findElement(By.linkText("Moonlight Jazz")).click();

    assertEquals("Moonlight Jazz", waitFor(By.id("event-title")).getText());
    String jsonLd = browser.findElement(By.id("event-jsonld")).getAttribute("innerHTML");
    JsonObject ld = Json.createReader(new StringReader(jsonLd)).readObject();
    assertEquals("https://schema.org", ld.getString("@context"));
    assertEquals("Event", ld.getString("@type"));
    assertEquals("Moonlight Jazz", ld.getString("name"));
    assertTrue(ld.getString("startDate").matches("\\d{4}-\\d\\d-\\d\\dT.*"), ld.toString());
    assertEquals("Place", ld.getJsonObject("location").getString("@type"));
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
    String page = browser.getPageSource();
    assertTrue(page.contains("property=\"og:title\" content=\"Moonlight Jazz\""), "OpenGraph");
    assertTrue(page.contains("name=\"twitter:card\""), "Twitter card");
    assertTrue(
        browser.findElement(By.id("ticket-types")).getText().contains("Only 5 left"),
        "few-left shown for Balcony");
    assertTrue(
        browser
            .findElement(By.id("share-whatsapp"))
            .getAttribute("href")
            .startsWith("https://wa.me/"));
    screenshot("event");

    String buyer = email("grace");
    new Select(
            browser.findElement(
                By.cssSelector("select[aria-label='Quantity of General admission']")))
        .selectByVisibleText("2");
    browser.findElement(By.id("buy:name")).sendKeys("Grace <b>Guest</b>");
    browser.findElement(By.id("buy:email")).sendKeys(buyer);
    browser.findElement(By.id("buy:pay-online")).click();
    waitFor(By.id("pay")).click();
    waitFor(By.id("tickets"));
    assertEquals("paid", browser.findElement(By.id("order-status")).getAttribute("data-status"));
    assertEquals(2, browser.findElements(By.cssSelector("#tickets .qr svg")).size());
    assertTrue(
        browser.getPageSource().contains("Grace &lt;b&gt;Guest&lt;/b&gt;"), "names are escaped");
    screenshot("confirmation");

    MimeMessage mail = MailServer.await(buyer, s -> s.contains("Moonlight Jazz"));
    assertTrue(
        mail.getFrom()[0].toString().contains("Tenant " + shop.slug), "tenant's name as sender");
    assertEquals(2, attachments(mail, "application/pdf").size(), "one PDF per ticket");
    assertEquals(1, attachments(mail, "text/calendar").size(), "the .ics");
    assertEquals(2, attachments(mail, "image/png").size(), "inline QR codes");
    String html = MailServer.html(mail);
    assertTrue(html.contains("Grace &lt;b&gt;Guest&lt;/b&gt;"), "buyer's name escaped in mail");
    assertTrue(html.contains("cid:qr-"), "QR shown inline");
    assertTrue(html.contains("/order.xhtml?id="), "link back to the order");
  }

  @Test
  void reservingToPayAtTheCounterShowsAndMailsTheCode() throws Exception {
    String buyer = email("cash");
    browser.get(url(shop, "/event.xhtml?e=" + slug));
    new Select(waitFor(By.cssSelector("select[aria-label='Quantity of Balcony']")))
        .selectByVisibleText("1");
    browser.findElement(By.id("buy:name")).sendKeys("Cash Buyer");
    browser.findElement(By.id("buy:email")).sendKeys(buyer);
    browser.findElement(By.id("buy:pay-counter")).click();
    String code = waitFor(By.id("counter-code")).getText();
    assertEquals(8, code.length());
    assertEquals("pending", browser.findElement(By.id("order-status")).getAttribute("data-status"));
    screenshot("counter-reservation");
    MimeMessage mail = MailServer.await(buyer, s -> s.contains(code));
    assertTrue(MailServer.html(mail).contains(code), "the code is in the mail");

    // Hours later the reservation nears its end: one reminder, with the same code.
    assertEquals(
        1,
        Database.number(
            "WITH x AS (UPDATE "
                + shop.schema()
                + ".orders SET created_at = now() - interval '20 hours', expires_at = now() +"
                + " interval '1 hour' WHERE counter_code = ? RETURNING 1) SELECT count(*) FROM x",
            code));
    MimeMessage reminder = MailServer.await(buyer, s -> s.startsWith("Reminder"));
    assertTrue(reminder.getSubject().contains(code), reminder.getSubject());
    Thread.sleep(2500); // two more mail rounds: still one reminder
    assertEquals(
        1,
        MailServer.to(buyer).stream()
            .filter(
                m -> {
                  try {
                    return m.getSubject().startsWith("Reminder");
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .count());

    // Nothing chosen: a clear message, no order.
    browser.get(url(shop, "/event.xhtml?e=" + slug));
    waitFor(By.id("buy:name")).sendKeys("Nobody");
    browser.findElement(By.id("buy:email")).sendKeys("nobody@example.com");
    browser.findElement(By.id("buy:pay-online")).click();
    assertTrue(waitFor(By.id("store-messages")).getText().contains("choose at least one ticket"));
  }

  @Test
  void aDeclinedPaymentOffersARetryAndAnExpiredHoldTheWayBack() throws Exception {
    browser.get(url(shop, "/event.xhtml?e=" + slug));
    new Select(waitFor(By.cssSelector("select[aria-label='Quantity of General admission']")))
        .selectByVisibleText("1");
    browser.findElement(By.id("buy:name")).sendKeys("Dee Clined");
    browser.findElement(By.id("buy:email")).sendKeys(email("declined"));
    browser.findElement(By.id("buy:pay-online")).click();
    waitFor(By.id("decline")).click();
    waitFor(By.id("payment-failed"));
    assertTrue(browser.findElement(By.id("hold-countdown")).isDisplayed(), "hold still runs");
    screenshot("payment-failed");
    browser.findElement(By.id("retry:retry-pay")).click();
    waitFor(By.id("pay"));

    // Time passes: the hold runs out while the buyer hesitates on the gateway page.
    browser.navigate().back();
    waitFor(By.id("order-number"));
    Matcher m = Pattern.compile("id=([0-9a-f-]{36})").matcher(browser.getCurrentUrl());
    assertTrue(m.find(), browser.getCurrentUrl());
    assertEquals(
        1,
        Database.number(
            "WITH x AS (UPDATE "
                + shop.schema()
                + ".orders SET expires_at = now() - interval '1 second' WHERE id = ?::uuid"
                + " RETURNING 1) SELECT count(*) FROM x",
            m.group(1)));
    browser.navigate().refresh();
    waitFor(By.id("hold-expired"));
    assertEquals("expired", browser.findElement(By.id("order-status")).getAttribute("data-status"));
    screenshot("hold-expired");
    browser.findElement(By.id("choose-again")).click();
    assertEquals("Moonlight Jazz", waitFor(By.id("event-title")).getText());
  }

  /** Signs in on the tenant's "My tickets" with the code from the mail. */
  static void signIn(Shop s, String address) {
    browser.manage().deleteAllCookies();
    browser.get(url(s, "/account/"));
    waitFor(By.id("signin:email")).sendKeys(address);
    browser.findElement(By.id("signin:send-code")).click();
    waitFor(By.id("signin:code"));
    String code = codeFrom(MailServer.await(address, x -> x.contains("sign-in code")));
    browser.findElement(By.id("signin:code")).sendKeys(code);
    browser.findElement(By.id("signin:verify")).click();
    waitFor(By.id("signed-in-as"));
  }

  static String codeFrom(MimeMessage mail) {
    try {
      Matcher m = Pattern.compile("(\\d{6})$").matcher(mail.getSubject());
      assertTrue(m.find(), mail.getSubject());
      return m.group(1);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void attendeeSignsInWithACodeSeesTicketsOfflineTransfersAndRefunds() throws Exception {
    String me = email("attendee");
    JsonObject jazz = paidOrder(eventId, gaType, 2, me);
    paidOrder(comedyId, comedyType, 1, me);

    // A wrong code first: a clear message, still signed out.
    browser.manage().deleteAllCookies();
    browser.get(url(shop, "/account/"));
    waitFor(By.id("signin:email")).sendKeys(me);
    browser.findElement(By.id("signin:send-code")).click();
    waitFor(By.id("signin:code"));
    String code = codeFrom(MailServer.await(me, x -> x.contains("sign-in code")));
    browser.findElement(By.id("signin:code")).sendKeys(code.equals("999999") ? "111111" : "999999");
    browser.findElement(By.id("signin:verify")).click();
    assertTrue(waitFor(By.id("store-messages")).getText().contains("not right"));
    browser.findElement(By.id("signin:code")).clear();
    browser.findElement(By.id("signin:code")).sendKeys(code);
    browser.findElement(By.id("signin:verify")).click();
    assertEquals(me.toLowerCase(), waitFor(By.id("signed-in-as")).getText());
    assertEquals(3, browser.findElements(By.cssSelector("#my-tickets .ticket")).size());
    assertEquals(3, browser.findElements(By.cssSelector("#my-tickets .qr svg")).size());
    screenshot("my-tickets");

    // Offline: the service worker answers with the copy it kept, QR codes included.
    org.openqa.selenium.support.ui.WebDriverWait twenty =
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20));
    twenty.until(
        d ->
            Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return navigator.serviceWorker.controller != null;")));
    browser.navigate().refresh(); // now through the worker, which keeps a copy
    waitFor(By.id("signed-in-as"));
    twenty.until(
        d ->
            Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeAsyncScript(
                        "var done = arguments[0]; caches.open('marquee-tickets').then(function(c){"
                            + " return c.keys(); }).then(function(k){ done(k.some(function(r){"
                            + " return r.url.indexOf('/account/') > 0; })); });")));
    String stamp = browser.findElement(By.id("my-tickets")).getAttribute("data-rendered");
    HasCdp cdp = (HasCdp) browser;
    network.cut();
    // Also tell the page it is offline (navigator.onLine), as the phone's OS would.
    cdp.executeCdpCommand("Network.enable", Map.of());
    cdp.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    try {
      browser.navigate().refresh();
      waitFor(By.id("offline-note"));
      assertEquals(
          stamp,
          browser.findElement(By.id("my-tickets")).getAttribute("data-rendered"),
          "served from the device's copy");
      assertEquals(3, browser.findElements(By.cssSelector("#my-tickets .qr svg")).size());
      screenshot("my-tickets-offline");
    } finally {
      network.restore();
      cdp.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
    browser.get(url(shop, "/account/"));
    waitFor(By.id("signed-in-as"));

    // Transfer one jazz ticket to a friend: it leaves my list and reaches theirs by mail.
    String friend = email("friend");
    List<WebElement> jazzTickets =
        browser.findElements(
            By.xpath("//section[contains(@class,'ticket')][.//a[text()='Moonlight Jazz']]"));
    assertEquals(2, jazzTickets.size());
    WebElement first = jazzTickets.get(0);
    first.findElement(By.tagName("summary")).click();
    first.findElement(By.cssSelector("input[id$='tname']")).sendKeys("Fred Friend");
    first.findElement(By.cssSelector("input[id$='temail']")).sendKeys(friend);
    first.findElement(By.cssSelector("input[id$='transfer']")).click();
    assertTrue(waitFor(By.id("store-messages")).getText().contains(friend.toLowerCase()));
    assertEquals(2, browser.findElements(By.cssSelector("#my-tickets .ticket")).size());
    MimeMessage gift = MailServer.await(friend, s -> s.contains("sent you a ticket"));
    assertEquals(1, attachments(gift, "application/pdf").size());

    // Refund the other jazz ticket: 80 % of 25.00 under the policy, at once.
    WebElement other =
        browser.findElement(
            By.xpath("//section[contains(@class,'ticket')][.//a[text()='Moonlight Jazz']]"));
    WebElement refund = other.findElement(By.cssSelector("input[id$='refund']"));
    assertTrue(refund.getAttribute("value").contains("20.00"), refund.getAttribute("value"));
    refund.click();
    browser.switchTo().alert().accept();
    assertTrue(waitFor(By.id("store-messages")).getText().contains("Refunded"));
    MimeMessage refunded = MailServer.await(me, s -> s.startsWith("Refund of"));
    assertTrue(refunded.getSubject().contains("20.00"), refunded.getSubject());
    assertEquals(
        "partially_refunded", shop.buyerView(jazz).getString("status"), "one of two refunded");
    browser.get(url(shop, "/account/?tab=cancelled"));
    assertEquals(1, waitFor(By.id("my-tickets")).findElements(By.cssSelector(".ticket")).size());

    // Comedy needs the organiser's approval: requested, then approved by staff.
    browser.get(url(shop, "/account/"));
    WebElement comedy =
        waitFor(By.xpath("//section[contains(@class,'ticket')][.//a[text()='Comedy Night']]"));
    WebElement ask = comedy.findElement(By.cssSelector("input[id$='refund']"));
    assertTrue(ask.getAttribute("value").contains("approves"), ask.getAttribute("value"));
    ask.click();
    browser.switchTo().alert().accept();
    assertTrue(waitFor(By.id("store-messages")).getText().contains("Refund requested"));
    MailServer.await(me, s -> s.contains("refund request"));
    JsonObject pending = shop.staff().get("/api/v1/refund-requests").json();
    JsonObject request =
        pending.getJsonArray("items").stream()
            .map(v -> v.asJsonObject())
            .filter(r -> r.getString("email").equals(me.toLowerCase()))
            .findFirst()
            .orElseThrow();
    assertEquals(1800, request.getJsonNumber("amountMinor").longValue());
    Api.Reply approved =
        shop.staff().post("/api/v1/refund-requests/" + request.getString("id") + "/approve", "{}");
    assertEquals(200, approved.status(), approved.toString());
    assertEquals(
        409,
        shop.staff()
            .post("/api/v1/refund-requests/" + request.getString("id") + "/approve", "{}")
            .status(),
        "decided once");
    MailServer.await(me, s -> s.startsWith("Refund of") && s.contains("18.00"));
    assertEquals(
        404,
        expo.staff()
            .post("/api/v1/refund-requests/" + request.getString("id") + "/reject", "{}")
            .status(),
        "another tenant's request does not exist there");
  }

  @Test
  void signInCodesExpireAndResistGuessing() throws Exception {
    String who = email("guess");
    browser.manage().deleteAllCookies();
    browser.get(url(shop, "/account/"));
    waitFor(By.id("signin:email")).sendKeys(who);
    browser.findElement(By.id("signin:send-code")).click();
    waitFor(By.id("signin:code"));
    String code = codeFrom(MailServer.await(who, x -> x.contains("sign-in code")));
    String wrong = code.equals("123456") ? "654321" : "123456";
    for (int i = 0; i < 5; i++) {
      browser.findElement(By.id("signin:code")).clear();
      browser.findElement(By.id("signin:code")).sendKeys(wrong);
      browser.findElement(By.id("signin:verify")).click();
      assertTrue(waitFor(By.id("store-messages")).getText().contains("not right"), "try " + i);
    }
    browser.findElement(By.id("signin:code")).clear();
    browser.findElement(By.id("signin:code")).sendKeys(code);
    browser.findElement(By.id("signin:verify")).click();
    assertTrue(
        waitFor(By.id("store-messages")).getText().contains("Too many wrong tries"),
        "the right code no longer works after five wrong ones");
    assertTrue(browser.findElements(By.id("signed-in-as")).isEmpty());

    // A new code that expires before it is used.
    browser.findElement(By.id("signin:start-over")).click();
    waitFor(By.id("signin:send-code")).click();
    waitFor(By.id("signin:code"));
    String second =
        codeFrom(
            MailServer.await(
                who,
                x -> {
                  Matcher mm = Pattern.compile("(\\d{6})$").matcher(x);
                  return x.contains("sign-in code") && mm.find() && MailServer.to(who).size() >= 2;
                }));
    Database.number(
        "WITH x AS (UPDATE "
            + shop.schema()
            + ".sign_in_code SET expires_at = now() - interval '1 second' WHERE lower(email) = ?"
            + " RETURNING 1) SELECT count(*) FROM x",
        who.toLowerCase());
    browser.findElement(By.id("signin:code")).sendKeys(second);
    browser.findElement(By.id("signin:verify")).click();
    assertTrue(waitFor(By.id("store-messages")).getText().contains("expired"));
    screenshot("sign-in-expired");

    // Five codes per account in 15 minutes: the sixth request is refused, and no mail goes out.
    for (int i = 3; i <= 5; i++) {
      browser.findElement(By.id("signin:start-over")).click();
      waitFor(By.id("signin:send-code")).click();
      waitFor(By.id("signin:code"));
    }
    long mailsBefore = MailServer.to(who).size();
    browser.findElement(By.id("signin:start-over")).click();
    waitFor(By.id("signin:send-code")).click();
    assertTrue(waitFor(By.id("store-messages")).getText().contains("Too many attempts"));
    Thread.sleep(1000);
    assertEquals(mailsBefore, MailServer.to(who).size(), "no sixth code was mailed");

    // Another tenant does not know this attendee's codes.
    assertNotEquals(shop.slug, expo.slug);
  }

  @Test
  void tenantsDifferInBrandLanguageAndCurrencyAndNeverShowEachOthersData() throws Exception {
    browser.get(url(expo, "/"));
    waitFor(By.id("search"));
    String home = browser.getPageSource();
    assertTrue(home.contains("lang=\"id-ID\""), "Indonesian page");
    assertTrue(home.contains("/themes/expo/theme.css"), "the expo theme");
    assertTrue(home.contains("Cari"), "Indonesian words");
    assertTrue(browser.findElement(By.id("events")).getText().contains("Rp"), "prices in rupiah");
    screenshot("expo-home");
    browser.findElement(By.linkText("Pameran Teknologi")).click();
    waitFor(By.id("event-title"));
    assertTrue(browser.findElement(By.id("ticket-types")).getText().contains("Rp"));
    screenshot("expo-event");

    Api.Reply english = shop.guest().get("/");
    assertTrue(english.body().contains("lang=\"en-GB\"") && english.body().contains("Search"));
    assertTrue(english.body().contains("/themes/base/theme.css"));
    assertFalse(english.body().contains("Pameran"), "only the tenant's own events");

    // One tenant's ids on the other's domain: 404, never the other's data.
    JsonObject order = paidOrder(eventId, gaType, 1, email("crossing"));
    Api guestOnExpo = expo.guest();
    assertEquals(404, guestOnExpo.get("/event.xhtml?e=" + slug).status());
    assertEquals(
        404,
        guestOnExpo
            .get(
                "/order.xhtml?id="
                    + order.getString("id")
                    + "&token="
                    + order.getString("accessToken"))
            .status());
    String venuePath =
        Pattern.compile("(/venue\\.xhtml\\?v=[0-9a-f-]{36})")
            .matcher(shop.guest().get("/event.xhtml?e=" + slug).body())
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);
    assertEquals(200, shop.guest().get(venuePath).status());
    assertEquals(404, guestOnExpo.get(venuePath).status());
    assertEquals(
        404, shop.guest().get("/order.xhtml?id=" + UUID.randomUUID() + "&token=x").status());
    assertEquals(404, shop.guest().get("/venue.xhtml?v=not-a-uuid").status());
  }

  @Test
  void unknownPagesAnswer404AndSeoFilesAndTheCalendarAreServed() {
    Api guest = shop.guest();
    assertEquals(404, guest.get("/event.xhtml?e=no-such-event").status());
    Api.Reply robots = guest.get("/robots.txt");
    assertTrue(
        robots.body().contains("Disallow: /console/")
            && robots.body().contains("Sitemap: http://" + Tenants.host(shop.slug)),
        robots.body());
    Api.Reply sitemap = guest.get("/sitemap.xml");
    assertTrue(sitemap.body().contains("/event.xhtml?e=" + slug + "</loc>"), sitemap.body());
    assertTrue(sitemap.body().contains("/venue.xhtml?v="), "venue pages are listed");
    Api.Reply ics = guest.get("/api/v1/public/events/" + slug + "/calendar.ics");
    assertEquals(200, ics.status());
    assertTrue(
        ics.body().startsWith("BEGIN:VCALENDAR") && ics.body().contains("SUMMARY:Moonlight Jazz"),
        ics.body());
  }

  @Test
  void eventsThatNeedAttendeeNamesAskForOnePerTicket() throws Exception {
    JsonObject gala = shop.event("Named Gala");
    assertEquals(
        200,
        shop.staff()
            .put("/api/v1/events/" + gala.getString("id"), "{\"attendeeNamesRequired\":true}")
            .status());
    shop.ticketType(gala.getString("id"), "Seat", 3000, 20, 4);
    shop.publish(gala.getString("id"));
    browser.get(url(shop, "/event.xhtml?e=" + gala.getString("slug")));
    new Select(waitFor(By.cssSelector("select[aria-label='Quantity of Seat']")))
        .selectByVisibleText("2");
    browser.findElement(By.id("buy:name")).sendKeys("Nora Names");
    browser.findElement(By.id("buy:email")).sendKeys(email("names"));
    browser.findElement(By.id("buy:pay-online")).click();
    List<WebElement> names =
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
            .until(
                d -> {
                  List<WebElement> found = d.findElements(By.cssSelector("input[id$='attendee']"));
                  return found.size() == 2 ? found : null;
                });
    screenshot("attendee-names");
    // One name missing: a clear message, no order yet.
    names.get(0).sendKeys("Ann Attendee");
    browser.findElement(By.id("buy:pay-online")).click();
    assertTrue(waitFor(By.id("store-messages")).getText().contains("name of every attendee"));
    browser.findElements(By.cssSelector("input[id$='attendee']")).get(1).sendKeys("Bob Attendee");
    browser.findElement(By.id("buy:pay-online")).click();
    waitFor(By.id("pay")).click();
    waitFor(By.id("tickets"));
    String tickets = browser.findElement(By.id("tickets")).getText();
    assertTrue(tickets.contains("Ann Attendee") && tickets.contains("Bob Attendee"), tickets);
  }
}
