package io.marquee.console;

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
  }
}
