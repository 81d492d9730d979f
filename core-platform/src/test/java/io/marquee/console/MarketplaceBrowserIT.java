package io.marquee.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Browsers;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Tenants;
import java.time.Duration;
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
 * A tenant owner in the console: the Marketplace shows the installed add-ons with their monthly
 * price and what enabling today costs; enabling asks for confirmation; Billing then shows the
 * subscription line for this month.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MarketplaceBrowserIT {
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
    slug = Tenants.uniqueSlug("market");
    Tenants.provision(Keycloak.operatorToken(), slug, owner);
    browser = ConsoleBrowserIT.newBrowser();
  }

  @AfterAll
  static void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  static String url(String path) {
    return "http://" + Tenants.host(slug) + ":" + Platform.httpPort() + path;
  }

  static WebElement waitFor(By by) {
    return Browsers.waitFor(browser, by);
  }

  @Test
  void enableAnAddOnAndSeeItOnTheBill() {
    browser.get(url("/console/"));
    Browsers.signIn(browser, owner, Keycloak.passwordOf(owner));
    waitFor(By.id("dashboard-empty"));

    waitFor(By.id("nav-marketplace")).click();
    WebElement cards = waitFor(By.id("plugin-cards"));
    assertTrue(cards.getText().contains("Recorder (test)"), cards.getText());
    assertTrue(cards.getText().contains("15.00 EUR per month"), cards.getText());
    assertTrue(cards.getText().contains("Enabling today:"), cards.getText());
    WebElement recorder =
        browser.findElement(
            By.xpath("//div[contains(@class,'plugin-card')][.//*[contains(text(),'Recorder')]]"));
    recorder.findElement(By.cssSelector(".enable-plugin")).click();
    String question = browser.switchTo().alert().getText();
    assertTrue(
        question.contains("15.00 EUR per month") && question.contains("Today adds"), question);
    browser.switchTo().alert().accept();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("plugin-cards"), "On"));

    waitFor(By.id("nav-billing")).click();
    WebElement month = waitFor(By.cssSelector(".this-month"));
    assertTrue(month.getText().contains("recorder:"), month.getText());
    assertTrue(waitFor(By.cssSelector(".this-month-total")).getText().endsWith("EUR"));
    String plan = waitFor(By.id("plan")).getText();
    assertTrue(plan.startsWith("Pay as you go") && plan.contains("15 %"), plan);

    // The add-on's own console screen: in the menu now, for the owner; its form posts and
    // redirects back with the result.
    WebElement entry = waitFor(By.cssSelector("a.nav-plugin[data-plugin='recorder']"));
    assertEquals("Recorded events", entry.getText(), "titled by the plugin's setting default");
    entry.click();
    assertEquals("Recorded events", waitFor(By.id("recorder-title")).getText());
    waitFor(By.id("note")).sendKeys("<i>door</i> opened");
    browser.findElement(By.id("mark")).click();
    waitFor(By.id("saved"));
    assertEquals("<i>door</i> opened", waitFor(By.cssSelector("#marks .mark")).getText());
    assertTrue(browser.getCurrentUrl().contains("saved=1"), browser.getCurrentUrl());

    // Settings from the marketplace card: a wrong value is named, a right one saved.
    waitFor(By.id("nav-marketplace")).click();
    waitFor(By.cssSelector("a.plugin-settings")).click();
    WebElement limit = waitFor(By.cssSelector(".setting-limit input"));
    limit.clear();
    limit.sendKeys("42");
    browser.findElement(By.id("settings:save")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("inline-messages"), "limit: Events listed must be between 1 and 10"));
    limit = waitFor(By.cssSelector(".setting-limit input"));
    limit.clear();
    limit.sendKeys("3");
    browser.findElement(By.id("settings:save")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("inline-messages"), "Settings saved"));

    // A screen of an add-on the tenant does not have answers 404.
    browser.get(url("/console/plugin.xhtml?plugin=surveys&screen=results"));
    assertEquals("Not found", browser.getTitle(), browser.getPageSource());
  }
}
