package io.marquee.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Browsers;
import io.marquee.support.Platform;
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
 * The operator's console: installed plugins with price and adoption, and the monthly invoice run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorPluginsBrowserIT {
  static WebDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void setUp() throws Exception {
    browser = ConsoleBrowserIT.newBrowser();
  }

  @AfterAll
  static void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void pluginsAndTheInvoiceRun() {
    browser.get("http://localhost:" + Platform.httpPort() + "/operator/");
    Browsers.signIn(browser, "operator", "operator");
    Browsers.waitFor(browser, By.id("nav-operator-plugins")).click();
    WebElement plugins = Browsers.waitFor(browser, By.id("plugins"));
    assertTrue(plugins.getText().contains("Surveys and NPS (surveys)"), plugins.getText());
    assertTrue(plugins.getText().contains("5.00 EUR / month"), plugins.getText());
    assertTrue(plugins.getText().contains("STARTED"), plugins.getText());
    browser.findElement(By.id("invoices:run")).click();
    browser.switchTo().alert().accept();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("inline-messages"), "Invoiced"));
    // one total per currency: euros for plans and add-ons, plus the currencies commissions came in
    String totals = Browsers.waitFor(browser, By.id("invoices-total")).getText();
    assertTrue(totals.matches("([0-9.,]+ [A-Z]{3})(, [0-9.,]+ [A-Z]{3})*"), totals);
    assertTrue(totals.contains(" EUR"), totals);
  }
}
