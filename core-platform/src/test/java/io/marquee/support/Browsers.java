package io.marquee.support;

import java.nio.file.Files;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A fresh headless Chromium (its own profile, so no Keycloak session is shared between users). */
public final class Browsers {
  private Browsers() {}

  public static WebDriver chromium() throws java.io.IOException {
    return chromium(new String[0]);
  }

  /** With extra command-line switches, e.g. a proxy. */
  public static WebDriver chromium(String... extra) throws java.io.IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("marquee.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("chromium-it"));
    options.addArguments(extra);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new java.io.File(
                    System.getProperty("marquee.chromedriver", "/usr/bin/chromedriver")))
            .build();
    return new ChromeDriver(service, options);
  }

  /** Waits up to 30 s for the element to be visible; on timeout the failure shows the page. */
  public static org.openqa.selenium.WebElement waitFor(
      WebDriver browser, org.openqa.selenium.By by) {
    try {
      return new org.openqa.selenium.support.ui.WebDriverWait(
              browser, java.time.Duration.ofSeconds(30))
          .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      String page = browser.getPageSource();
      throw new AssertionError(
          "no "
              + by
              + " at "
              + browser.getCurrentUrl()
              + ": "
              + page.substring(0, Math.min(page.length(), 3000)),
          e);
    }
  }

  /**
   * Clicks a control that submits a plain form and waits until the browser shows the next page. It
   * marks the old document instead of polling an old element for staleness: Chromium sometimes
   * answers a detached node with an inspector error rather than "stale element".
   */
  public static void clickAndWaitForNextPage(
      WebDriver browser, org.openqa.selenium.WebElement control) {
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    js.executeScript("window.__marqueeOldPage = true;");
    control.click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            b ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "return window.__marqueeOldPage === undefined"
                            + " && document.readyState === 'complete';")));
  }

  /** Signs in on the Keycloak login page the browser was sent to (console or operator). */
  public static void signIn(WebDriver browser, String username, String password) {
    waitFor(browser, org.openqa.selenium.By.id("username")).sendKeys(username);
    browser.findElement(org.openqa.selenium.By.id("kc-login")).click();
    waitFor(browser, org.openqa.selenium.By.id("password")).sendKeys(password);
    browser.findElement(org.openqa.selenium.By.id("kc-login")).click();
  }
}
