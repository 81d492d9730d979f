package io.marquee.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A staff member in a real (headless Chromium) browser: signs in through the real Keycloak login
 * page, invites a colleague, changes the brand and sees the tenant's home page change; two tenants'
 * home pages differ in brand.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleBrowserIT {
  static WebDriver browser;
  static String night;
  static String veld;
  static String owner;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void setUp() throws Exception {
    String operator = Keycloak.operatorToken();
    owner = Keycloak.createUser("owner");
    night = Tenants.uniqueSlug("night");
    veld = Tenants.uniqueSlug("veld");
    Tenants.provision(operator, night, owner);
    io.marquee.support.Api.platform()
        .bearer(operator)
        .post(
            "/api/platform/tenants",
            Tenants.request(veld, "Veld " + veld, null).replace("\"base\"", "\"voelgoed\""));
    io.marquee.support.Api.host(Tenants.host(night))
        .bearer(Keycloak.token(owner, Keycloak.passwordOf(owner)))
        .put("/api/console/branding", "{\"theme\":\"nightscene\"}");
    browser = newBrowser();
  }

  /**
   * A fresh headless Chromium (its own profile, so no Keycloak session is shared between users).
   */
  static WebDriver newBrowser() throws java.io.IOException {
    return io.marquee.support.Browsers.chromium();
  }

  @AfterAll
  static void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  static String url(String slug, String path) {
    return "http://" + Tenants.host(slug) + ":" + Platform.httpPort() + path;
  }

  static WebElement waitFor(By by) {
    return io.marquee.support.Browsers.waitFor(browser, by);
  }

  @Test
  void staffSignInInviteAndRebrand() {
    browser.get(url(night, "/console/"));
    // Keycloak's own login page, reached from the tenant's domain.
    // With organizations enabled Keycloak asks for the username first, then the password.
    waitFor(By.id("username")).sendKeys(owner);
    // The login page carries the tenant's brand: its stylesheet from the tenant's own origin has
    // loaded.
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d ->
                d.findElement(By.tagName("html"))
                    .getAttribute("class")
                    .contains("marquee-tenant-loaded"));
    assertEquals(
        "http://" + Tenants.host(night) + ":" + Platform.httpPort(),
        browser.findElement(By.tagName("html")).getAttribute("data-marquee-tenant-origin"));
    browser.findElement(By.id("kc-login")).click();
    waitFor(By.id("password")).sendKeys(Keycloak.passwordOf(owner));
    browser.findElement(By.id("kc-login")).click();
    assertEquals("Tenant " + night, waitFor(By.id("console-tenant")).getText());

    browser.get(url(night, "/console/team.xhtml"));
    String colleague = "colleague-" + night + "@it.test";
    waitFor(By.id("team:email")).sendKeys(colleague);
    browser.findElement(By.id("team:invite")).click();
    waitFor(By.id("temporary-password"));
    assertTrue(browser.findElement(By.id("team:members")).getText().contains(colleague));

    browser.get(url(night, "/console/branding.xhtml"));
    WebElement primary = waitFor(By.id("branding:primary"));
    primary.clear();
    primary.sendKeys("ff0000");
    browser.findElement(By.id("branding:save")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("inline-messages"), "Branding saved"));

    browser.get(url(night, "/"));
    assertEquals("rgba(255, 0, 0, 1)", waitFor(By.id("hero-title")).getCssValue("color"));
  }

  @Test
  void operatorSeesTenantsButHasNoRoleInATenantConsole() throws Exception {
    WebDriver own = newBrowser();
    WebDriver previous = browser;
    browser = own;
    try {
      browser.get("http://localhost:" + Platform.httpPort() + "/operator/");
      waitFor(By.id("username")).sendKeys("operator");
      browser.findElement(By.id("kc-login")).click();
      waitFor(By.id("password")).sendKeys("operator");
      browser.findElement(By.id("kc-login")).click();
      WebElement table = waitFor(By.id("tenants:list"));
      assertTrue(table.getText().contains(veld), "operator console lists the tenant");
      // A tenant's console is not the operator's: Keycloak asks for a member of that tenant's
      // organization
      // (or, were the token issued, the console refuses it); the console itself never shows.
      browser.get(url(veld, "/console/"));
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(
              d ->
                  d.getCurrentUrl().startsWith(Keycloak.URL)
                      || d.getPageSource().contains("Not allowed"));
      assertTrue(
          browser.findElements(By.id("console-tenant")).isEmpty(),
          "operator got into a tenant console");
    } finally {
      own.quit();
      browser = previous;
    }
  }

  @Test
  void twoTenantsHomePagesDifferInBrand() {
    browser.get(url(night, "/"));
    String nightName = waitFor(By.id("site-name")).getText();
    String nightBackground =
        browser.findElement(By.tagName("body")).getCssValue("background-color");
    browser.get(url(veld, "/"));
    String veldName = waitFor(By.id("site-name")).getText();
    String veldBackground = browser.findElement(By.tagName("body")).getCssValue("background-color");
    assertEquals("Tenant " + night, nightName);
    assertEquals("Veld " + veld, veldName);
    assertEquals("rgba(10, 10, 10, 1)", nightBackground, "NightScene neon-noir background");
    assertNotEquals(nightBackground, veldBackground);
  }
}
