package io.marquee.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Browsers;
import io.marquee.support.Keycloak;
import io.marquee.support.MailServer;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import io.marquee.support.Tenants;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
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
import org.openqa.selenium.WebDriver;

/**
 * The surveys add-on end to end, with its real jar: a tenant enables it, sets its invitation line
 * and the event's own questions in the console, the event ends, the attendee gets the survey by
 * mail (real SMTP), answers it in Chromium, and staff see NPS, the questions' distributions and the
 * comment in the console; the consented comment is a public testimonial (until the tenant turns
 * testimonials off); a tenant without the add-on gets 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SurveysBrowserIT {
  static WebDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void setUp() throws Exception {
    MailServer.get();
    browser = Browsers.chromium();
  }

  @AfterAll
  static void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void attendeesAreAskedAfterTheEventAndStaffSeeTheScore() throws Exception {
    String ownerEmail = Keycloak.createUser("owner");
    String slug = Tenants.uniqueSlug("surveys");
    Tenants.provision(Keycloak.operatorToken(), slug, ownerEmail);
    String ownerToken = Keycloak.token(ownerEmail, Keycloak.passwordOf(ownerEmail));
    Api staff = Api.host(Tenants.host(slug)).bearer(ownerToken);

    JsonObject card =
        staff.get("/api/console/plugins").json().getJsonArray("items").stream()
            .map(v -> v.asJsonObject())
            .filter(p -> p.getString("id").equals("surveys"))
            .findFirst()
            .orElseThrow();
    assertEquals(500, card.getInt("monthlyMinor"), "€5 a month");
    assertEquals(200, staff.post("/api/console/plugins/surveys/enable", "{}").status());
    Api.Reply badSettings =
        staff.put("/api/console/plugins/surveys/settings", "{\"delayHours\":\"200\"}");
    assertEquals(400, badSettings.status(), badSettings.toString());
    assertEquals("delayHours", badSettings.json().getString("field"));
    assertEquals(
        200,
        staff
            .put(
                "/api/console/plugins/surveys/settings",
                "{\"intro\":\"See you at the next Rooftop!\"}")
            .status());

    String starts = java.time.Instant.now().plusSeconds(3600).toString();
    JsonObject created =
        staff
            .post(
                "/api/v1/events", "{\"title\":\"Rooftop Session\",\"startsAt\":\"" + starts + "\"}")
            .json();
    String event = created.getString("id");
    String type =
        staff
            .post(
                "/api/v1/events/" + event + "/ticket-types",
                "{\"name\":\"GA\",\"priceMinor\":1000,\"capacity\":10}")
            .json()
            .getString("id");
    assertEquals(200, staff.post("/api/v1/events/" + event + "/publish", "{}").status());
    String attendee = "fan-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Api guest = Api.host(Tenants.host(slug));
    JsonObject order =
        guest
            .post(
                "/api/v1/orders",
                "{\"eventId\":\""
                    + event
                    + "\",\"items\":[{\"ticketTypeId\":\""
                    + type
                    + "\",\"quantity\":1}],\"buyer\":{\"name\":\"Fiona Fan\",\"email\":\""
                    + attendee
                    + "\"}}")
            .json();
    Api buyer = guest.header("X-Order-Token", order.getString("accessToken"));
    String page =
        buyer
            .post(
                "/api/v1/orders/" + order.getString("id") + "/payments", "{\"provider\":\"test\"}")
            .json()
            .getString("redirectUrl");
    guest.send("POST", page, "outcome=succeed", "application/x-www-form-urlencoded");

    // In the console, the owner gives this event two questions of its own (menu entries come
    // from the plugin); a choice without options is refused with a message.
    String site = "http://" + Tenants.host(slug) + ":" + Platform.httpPort();
    browser.get(site + "/console/");
    Browsers.signIn(browser, ownerEmail, Keycloak.passwordOf(ownerEmail));
    Browsers.waitFor(browser, By.id("console-tenant"));
    browser.findElement(By.cssSelector("a.nav-plugin[data-screen='questions']")).click();
    Browsers.waitFor(browser, By.id("survey-events"));
    browser.findElement(By.linkText("Rooftop Session")).click();
    addQuestion("How was the sound?", "rating", "", true);
    addQuestion("How did you hear about us?", "choice", "", false);
    assertTrue(
        Browsers.waitFor(browser, By.id("question-problem")).getText().contains("two options"));
    addQuestion("How did you hear about us?", "choice", "Friends | Instagram | Radio", false);
    String listed = Browsers.waitFor(browser, By.id("questions")).getText();
    assertTrue(
        listed.contains("How was the sound?") && listed.contains("Friends, Instagram, Radio"),
        listed);

    assertEquals(200, staff.post("/api/v1/events/" + event + "/complete", "{}").status());
    MimeMessage mail = MailServer.await(attendee, s -> s.equals("How was Rooftop Session?"));
    assertTrue(MailServer.html(mail).contains("See you at the next Rooftop!"), "the tenant's line");
    Matcher link =
        Pattern.compile("href=\"([^\"]+/plugins/surveys/s\\?k=[0-9a-f]{48})\"")
            .matcher(MailServer.html(mail));
    assertTrue(link.find(), MailServer.html(mail));
    String url = link.group(1);

    // The attendee answers in the browser: 9 out of 10, the sound 4 of 5, heard on Instagram, a
    // comment, consent to show it. Missing answers get clear messages.
    browser.get(url);
    Browsers.waitFor(browser, By.id("send"));
    browser.findElement(By.id("send")).click();
    assertTrue(
        Browsers.waitFor(browser, By.id("problem")).getText().contains("0 to 10"),
        "no number chosen: a clear message");
    browser.findElement(By.id("nps-9")).click();
    browser.findElement(By.id("send")).click();
    assertTrue(
        Browsers.waitFor(browser, By.id("problem")).getText().contains("How was the sound?"),
        "a required question unanswered: named");
    browser.findElement(By.id("nps-9")).click();
    browser.findElement(By.cssSelector("fieldset[data-kind='rating'] input[value='4']")).click();
    browser
        .findElement(By.cssSelector("fieldset[data-kind='choice'] input[value='Instagram']"))
        .click();
    browser.findElement(By.id("comment")).sendKeys("<b>Great</b> night, lovely view");
    browser.findElement(By.id("consent")).click();
    browser.findElement(By.id("send")).click();
    Browsers.waitFor(browser, By.id("thanks"));
    browser.get(url);
    Browsers.waitFor(browser, By.id("thanks")); // answered once: the link now only thanks

    // Staff see it in the console: NPS 100 from one promoter, the sound 4.0, Instagram once.
    String results = "/console/plugin.xhtml?plugin=surveys&screen=results&e=" + event;
    Api.Reply anonymous = guest.get(results);
    assertTrue(
        anonymous.status() == 302 || anonymous.status() == 303,
        "not signed in: off to sign-in, " + anonymous.status());
    browser.get(site + results);
    assertEquals("1", Browsers.waitFor(browser, By.id("answers")).getText());
    assertEquals("100", browser.findElement(By.id("nps")).getText());
    assertEquals("4.0", browser.findElement(By.cssSelector(".rating-average")).getText());
    assertEquals(
        "1",
        browser.findElement(By.cssSelector(".answer[data-value='Instagram'] .count")).getText());
    assertTrue(browser.getPageSource().contains("&lt;b&gt;Great&lt;/b&gt; night"), "escaped");

    // The consented comment appears on the storefront event page, escaped.
    browser.get(
        "http://"
            + Tenants.host(slug)
            + ":"
            + Platform.httpPort()
            + "/event.xhtml?e="
            + created.getString("slug"));
    String said = Browsers.waitFor(browser, By.id("testimonials")).getText();
    assertTrue(
        said.contains("<b>Great</b> night, lovely view") && said.contains("Fiona, 9/10"), said);

    JsonObject testimonials = guest.get("/plugins/surveys/testimonials?e=" + event).json();
    assertEquals(1, testimonials.getJsonArray("items").size());
    assertEquals("Fiona", testimonials.getJsonArray("items").getJsonObject(0).getString("name"));

    // The tenant turns testimonials off in the add-on's settings page: the block is gone.
    browser.get(site + "/console/plugin-settings.xhtml?plugin=surveys");
    new org.openqa.selenium.support.ui.Select(
            Browsers.waitFor(browser, By.cssSelector(".setting-testimonials select")))
        .selectByVisibleText("false");
    browser.findElement(By.id("settings:save")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                By.id("inline-messages"), "Settings saved"));
    String eventPage = guest.get("/event.xhtml?e=" + created.getString("slug")).body();
    assertTrue(!eventPage.contains("id=\"testimonials\""), "testimonials turned off");

    // Another tenant never enabled surveys: its routes answer 404.
    Shop other = Shop.open("no-surveys");
    assertEquals(
        404,
        other.guest().get("/plugins/surveys/s?k=" + url.substring(url.indexOf("k=") + 2)).status());
    long invitations =
        MailServer.to(attendee).stream()
            .filter(
                m -> {
                  try {
                    return m.getSubject().startsWith("How was");
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .count();
    assertEquals(1, invitations, "one invitation only");
  }

  private static void addQuestion(String label, String kind, String options, boolean required) {
    Browsers.waitFor(browser, By.id("add-question"));
    browser.findElement(By.id("label")).sendKeys(label);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind")))
        .selectByValue(kind);
    browser.findElement(By.id("options")).sendKeys(options);
    if (required) {
      browser.findElement(By.id("required")).click();
    }
    Browsers.clickAndWaitForNextPage(browser, browser.findElement(By.id("add")));
    Browsers.waitFor(browser, By.id("add-question"));
  }
}
