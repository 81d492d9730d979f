package io.marquee.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Browsers;
import io.marquee.support.CuttableRelay;
import io.marquee.support.Database;
import io.marquee.support.FakeCamera;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import io.marquee.support.Tenants;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The door PWA in headless Chromium, with its real jar: the owner provisions a phone in the
 * console, the phone claims it, scans online, loses the network (a relay the test cuts), scans
 * offline, comes back and syncs, and the dashboard shows it; then two phones offline scan the same
 * 1,000 tickets and sync: exactly 1,000 admissions, every duplicate flagged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CheckinBrowserIT {
  static final List<WebDriver> browsers = new ArrayList<>();
  static final List<CuttableRelay> relays = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @AfterAll
  static void tearDown() throws Exception {
    browsers.forEach(WebDriver::quit);
    for (CuttableRelay r : relays) {
      r.close();
    }
  }

  /** A phone: Chromium reaching the server through a relay the test can cut. */
  static WebDriver phone(CuttableRelay relay) throws Exception {
    WebDriver b =
        Browsers.chromium(
            "--proxy-server=http://127.0.0.1:" + relay.port(), "--proxy-bypass-list=<-loopback>");
    browsers.add(b);
    return b;
  }

  static String site(Shop s) {
    return "http://" + Tenants.host(s.slug) + ":" + Platform.httpPort();
  }

  static void waitOutcome(WebDriver b, String outcome) {
    new WebDriverWait(b, Duration.ofSeconds(20))
        .until(ExpectedConditions.attributeToBe(By.id("result"), "data-outcome", outcome));
  }

  static void enter(WebDriver b, String code, String expected) {
    // clear the last answer, then type as a hardware scanner would (it ends with Enter)
    ((JavascriptExecutor) b)
        .executeScript("document.getElementById('result').setAttribute('data-outcome','')");
    b.findElement(By.id("code")).sendKeys(code + "\n");
    waitOutcome(b, expected);
  }

  static void claim(WebDriver phone, Shop s, String code) {
    phone.get(site(s) + "/plugins/checkin/");
    Browsers.waitFor(phone, By.id("claim-code")).sendKeys(code);
    phone.findElement(By.id("claim-button")).click();
    Browsers.waitFor(phone, By.id("code"));
    new WebDriverWait(phone, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("where"), "Gate"));
  }

  /** Feeds codes through the manual-entry input, as fast as the page takes them. */
  static void feed(WebDriver phone, List<String> codes) {
    ((JavascriptExecutor) phone)
        .executeAsyncScript(
            "var codes=arguments[0],done=arguments[arguments.length-1],i=0;"
                + "var f=document.getElementById('scan-form'),c=document.getElementById('code');"
                + "(function next(){if(i>=codes.length){done();return;}c.value=codes[i++];f.requestSubmit();setTimeout(next,0);})();",
            codes);
  }

  static void waitQueued(WebDriver phone, int n) {
    new WebDriverWait(phone, Duration.ofSeconds(120))
        .until(ExpectedConditions.textToBe(By.id("queue-count"), String.valueOf(n)));
  }

  /** A published event with one ticket type (30.00, up to 10 an order), check-in enabled. */
  record Night(String event, String type) {
    static Night open(Shop s, String title, int capacity) {
      String event = s.event(title).getString("id");
      String type = s.ticketType(event, "GA", capacity, 3000, 10).getString("id");
      s.publish(event);
      assertEquals(200, s.staff().post("/api/console/plugins/checkin/enable", "{}").status());
      return new Night(event, type);
    }
  }

  /** A new tenant whose owner is {@code owner}, as the owner's shop. */
  static Shop ownedBy(String owner, String prefix) {
    String slug = Tenants.uniqueSlug(prefix);
    Tenants.provision(Keycloak.operatorToken(), slug, owner);
    return new Shop(slug, Keycloak.token(owner, Keycloak.passwordOf(owner)));
  }

  /**
   * The owner signed in to the console (straight to the server), on an event's Gates and devices.
   */
  static WebDriver doorScreen(Shop s, String owner, String eventTitle) throws Exception {
    WebDriver console = Browsers.chromium();
    browsers.add(console);
    console.get(site(s) + "/console/");
    Browsers.signIn(console, owner, Keycloak.passwordOf(owner));
    Browsers.waitFor(console, By.id("console-tenant"));
    console.findElement(By.cssSelector("a.nav-plugin[data-screen='door']")).click();
    Browsers.waitFor(console, By.linkText(eventTitle)).click();
    return console;
  }

  @Test
  void provisionScanOnlineAndOfflineSyncAndSeeTheDashboard() throws Exception {
    String owner = Keycloak.createUser("owner");
    Shop s = ownedBy(owner, "doors");
    Night night = Night.open(s, "Club night", 1000);
    String event = night.event();
    String type = night.type();
    List<String> codes = CheckinIT.codes(s, event, type, 1003);
    String afterParty = s.event("After party").getString("id");
    String afterType = s.ticketType(afterParty, "GA", 10, 3000, 10).getString("id");
    s.publish(afterParty);
    String otherNight = CheckinIT.codes(s, afterParty, afterType, 1).get(0);

    // The owner adds a gate and provisions a phone in the console.
    WebDriver console = doorScreen(s, owner, "Club night");
    Browsers.waitFor(console, By.id("gate-name")).sendKeys("Gate North");
    console.findElement(By.id("gate-capacity")).sendKeys("2000");
    console.findElement(By.id("add-gate-button")).click();
    new WebDriverWait(console, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("gates"), "Gate North"));
    List<String> claims = new ArrayList<>();
    for (String name : new String[] {"Phone 1", "Phone 2", "Phone 3"}) {
      Browsers.waitFor(console, By.id("device-name")).sendKeys(name);
      console.findElement(By.id("add-device-button")).click();
      claims.add(Browsers.waitFor(console, By.id("claim-code")).getText());
      new WebDriverWait(console, Duration.ofSeconds(20))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), name));
    }

    // Phone 1 claims its code, scans online, then offline, then syncs.
    CuttableRelay net1 = new CuttableRelay(Platform.httpPort());
    relays.add(net1);
    WebDriver phone1 = phone(net1);
    claim(phone1, s, claims.get(0));
    enter(phone1, codes.get(0), "ADMITTED");
    assertEquals("false", phone1.findElement(By.id("result")).getAttribute("data-offline"));
    enter(phone1, codes.get(0), "ALREADY_USED");
    enter(phone1, "not-a-ticket", "INVALID");

    net1.cut();
    enter(phone1, codes.get(1), "ADMITTED");
    assertEquals("offline", phone1.findElement(By.id("mode")).getText(), "switched by itself");
    assertEquals("true", phone1.findElement(By.id("result")).getAttribute("data-offline"));
    enter(phone1, codes.get(1), "ALREADY_USED");
    enter(phone1, codes.get(0), "ALREADY_USED"); // known from the used set it downloaded
    String forged = codes.get(2).substring(0, codes.get(2).length() - 4) + "AAAA";
    enter(phone1, forged, "INVALID");
    // a genuine ticket for the tenant's other night, told apart offline by that event's key
    enter(phone1, otherNight, "WRONG_EVENT");
    assertTrue(
        phone1.findElement(By.id("result-detail")).getText().contains("After party"),
        "names the event the ticket is for");
    phone1.navigate().refresh(); // the app shell comes from the service worker, offline
    Browsers.waitFor(phone1, By.id("code"));
    assertEquals("5", Browsers.waitFor(phone1, By.id("queue-count")).getText());
    net1.restore();
    new WebDriverWait(phone1, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBe(By.id("queue-count"), "0"));
    assertEquals("online", phone1.findElement(By.id("mode")).getText());

    // The dashboard shows both admissions.
    console.findElement(By.cssSelector("a.nav-plugin[data-screen='dashboard']")).click();
    Browsers.waitFor(console, By.linkText("Club night")).click();
    new WebDriverWait(console, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBe(By.id("admitted"), "2"));
    // the dashboard listens for pushes (it polls only once a minute)
    new WebDriverWait(console, Duration.ofSeconds(20))
        .until(ExpectedConditions.attributeToBe(By.id("live"), "data-push", "open"));
    assertTrue(console.findElement(By.id("recent")).getText().contains("(offline)"));

    // Two phones, offline, scan the same 1,000 tickets; then both sync.
    CuttableRelay net2 = new CuttableRelay(Platform.httpPort());
    CuttableRelay net3 = new CuttableRelay(Platform.httpPort());
    relays.add(net2);
    relays.add(net3);
    WebDriver phone2 = phone(net2);
    WebDriver phone3 = phone(net3);
    claim(phone2, s, claims.get(1));
    claim(phone3, s, claims.get(2));
    net2.cut();
    net3.cut();
    List<String> thousand = codes.subList(3, 1003);
    feed(phone2, thousand);
    feed(phone3, thousand);
    waitQueued(phone2, 1000);
    waitQueued(phone3, 1000);
    net2.restore();
    net3.restore();
    for (WebDriver p : new WebDriver[] {phone2, phone3}) {
      new WebDriverWait(p, Duration.ofSeconds(120))
          .until(ExpectedConditions.textToBe(By.id("queue-count"), "0"));
    }
    String schema = s.schema();
    assertEquals(
        1002,
        Database.number("SELECT count(*) FROM " + schema + ".plugin_checkin_presence"),
        "exactly 1,000 admissions (plus phone 1's two)");
    assertEquals(
        1000,
        Database.number(
            "SELECT count(*) FROM "
                + schema
                + ".plugin_checkin_scan s JOIN "
                + schema
                + ".plugin_checkin_device d ON d.id = s.device_id WHERE s.duplicate AND d.name IN"
                + " ('Phone 2', 'Phone 3')"),
        "every duplicate of the two phones flagged");
    assertEquals(
        2,
        Database.number(
            "SELECT count(*) FROM "
                + schema
                + ".plugin_checkin_scan s JOIN "
                + schema
                + ".plugin_checkin_device d ON d.id = s.device_id WHERE s.duplicate AND d.name ="
                + " 'Phone 1'"),
        "phone 1's two offline re-scans are duplicates too");
    // pushed: within seconds of the syncs, not at the next minute's poll
    new WebDriverWait(console, Duration.ofSeconds(5))
        .until(ExpectedConditions.textToBe(By.id("admitted"), "1002"));
    new WebDriverWait(console, Duration.ofSeconds(5))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("suspicious"), "1002 offline scans of tickets admitted earlier"));
    String took = phone2.findElement(By.id("sync-status")).getAttribute("data-total-ms");
    System.out.println("CHECKIN sync of 1000 queued scans took " + took + " ms (phone 2)");
  }

  @Test
  void theDoorSpeaksTheTenantsLanguage() throws Exception {
    Shop s =
        Shop.open(
            "pintu",
            "Pintu " + java.util.UUID.randomUUID().toString().substring(0, 8),
            "IDR",
            "id-ID",
            "Asia/Jakarta",
            "expo");
    String event = s.event("Malam pameran").getString("id");
    assertEquals(200, s.staff().post("/api/console/plugins/checkin/enable", "{}").status());
    String gate = CheckinIT.gate(s, event, "Gerbang A", 100);
    String claimCode = CheckinIT.claimCode(s, gate, "HP 1");
    WebDriver phone = Browsers.chromium();
    browsers.add(phone);
    phone.get(site(s) + "/plugins/checkin/");
    Browsers.waitFor(phone, By.id("claim-code")).sendKeys(claimCode);
    phone.findElement(By.id("claim-button")).click();
    new WebDriverWait(phone, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-i18n=scanLabel]"), "Pindai atau ketik kode tiket"));
    assertEquals("daring", phone.findElement(By.id("mode")).getText());
    enter(phone, "bukan-tiket", "INVALID");
    assertEquals("TIDAK SAH", phone.findElement(By.id("result-title")).getText());
  }

  /**
   * The camera path: Chromium's fake camera plays a video of the QR exactly as the attendee's
   * ticket shows it (the ticket's own qr.png), and the door app decodes it with the jsQR it ships.
   */
  @Test
  void theCameraReadsTheTicketsQrCode() throws Exception {
    Shop s = Shop.open("camera");
    Night night = Night.open(s, "Camera night", 10);
    String event = night.event();
    String type = night.type();
    JsonObject order = s.created(s.order(event, type, 1));
    s.payWithTestGateway(order, true);
    String ticketId = s.buyerView(order).getJsonArray("tickets").getJsonObject(0).getString("id");
    String png =
        site(s) + "/api/v1/tickets/" + ticketId + "/qr.png?token=" + order.getString("accessToken");
    String gate = CheckinIT.gate(s, event, "Gate C", 100);
    String claimCode = CheckinIT.claimCode(s, gate, "Camera phone");

    // First a plain browser fetches the ticket's image, as the attendee's phone would show it.
    WebDriver fetcher = Browsers.chromium();
    browsers.add(fetcher);
    fetcher.get(site(s) + "/");
    String base64 =
        (String)
            ((JavascriptExecutor) fetcher)
                .executeAsyncScript(
                    "var done=arguments[arguments.length-1];fetch(arguments[0]).then(r=>r.blob())"
                        + ".then(b=>{var f=new FileReader();f.onload=()=>done(f.result.split(',')[1]);"
                        + "f.readAsDataURL(b);});",
                    png);
    java.nio.file.Path video =
        FakeCamera.showing(java.util.Base64.getDecoder().decode(base64), 640, 480);

    WebDriver phone =
        Browsers.chromium(
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--use-file-for-fake-video-capture=" + video);
    browsers.add(phone);
    claim(phone, s, claimCode);
    phone.findElement(By.id("camera-button")).click();
    waitOutcome(phone, "ADMITTED");
    assertEquals("jsqr", phone.findElement(By.id("camera")).getAttribute("data-decoder"));
    // still in front of the camera: read again after 3 s, and now it has been used
    waitOutcome(phone, "ALREADY_USED");
    assertEquals(
        1,
        Database.number("SELECT count(*) FROM " + s.schema() + ".plugin_checkin_presence"),
        "one admission for one ticket, however long it is held up");
  }

  /**
   * Provisioning by QR: the console draws the one-time set-up QR, the phone's camera (Chromium's
   * fake camera showing a screenshot of that QR) reads it and the device is claimed with no typing;
   * the same QR's link, opened on another phone, claims that phone at once.
   */
  @Test
  void theDoorPhoneScansTheConsolesSetUpQr() throws Exception {
    String owner = Keycloak.createUser("owner");
    Shop s = ownedBy(owner, "setupqr");
    Night night = Night.open(s, "QR night", 10);
    String event = night.event();
    String type = night.type();
    CheckinIT.gate(s, event, "Gate Q", 100);
    List<String> codes = CheckinIT.codes(s, event, type, 2);

    WebDriver console = doorScreen(s, owner, "QR night");
    Browsers.waitFor(console, By.id("device-name")).sendKeys("QR phone");
    console.findElement(By.id("add-device-button")).click();
    WebElement qr = Browsers.waitFor(console, By.cssSelector("#claim-qr svg"));
    String setUpCode = console.findElement(By.id("claim-code")).getText();
    assertEquals(
        site(s) + "/plugins/checkin/assets/app.html#claim=" + setUpCode,
        console.findElement(By.id("claim-qr")).getAttribute("data-text"));
    java.nio.file.Path video = FakeCamera.showing(qr.getScreenshotAs(OutputType.BYTES), 640, 480);

    WebDriver phone =
        Browsers.chromium(
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--use-file-for-fake-video-capture=" + video);
    browsers.add(phone);
    phone.get(site(s) + "/plugins/checkin/");
    Browsers.waitFor(phone, By.id("claim-camera-button")).click();
    Browsers.waitFor(phone, By.id("code"));
    new WebDriverWait(phone, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("where"), "Gate Q"));
    enter(phone, codes.get(0), "ADMITTED");
    assertEquals(
        1,
        Database.number(
            "SELECT count(*) FROM "
                + s.schema()
                + ".plugin_checkin_device WHERE name = 'QR phone' AND claimed_at IS NOT NULL"),
        "the phone holds the credential the QR's one-time code was exchanged for");

    // The phone's own camera app opens the QR's link: that claims a second device with no tap.
    Browsers.waitFor(console, By.id("device-name")).sendKeys("Link phone");
    console.findElement(By.id("add-device-button")).click();
    new WebDriverWait(console, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), "Link phone"));
    String link = console.findElement(By.id("claim-qr")).getAttribute("data-text");
    WebDriver second = Browsers.chromium();
    browsers.add(second);
    second.get(link);
    Browsers.waitFor(second, By.id("code"));
    new WebDriverWait(second, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("where"), "Gate Q"));
    enter(second, codes.get(0), "ALREADY_USED");
    enter(second, codes.get(1), "ADMITTED");
    // a used set-up code does not claim again
    WebDriver third = Browsers.chromium();
    browsers.add(third);
    third.get(link);
    new WebDriverWait(third, Duration.ofSeconds(20))
        .until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("claim-problem"), "")));
    assertTrue(third.findElement(By.id("scan-view")).getAttribute("hidden") != null);
  }

  /** Page script for a phone whose clock is three hours slow (Date and Date.now). */
  static final String SLOW_CLOCK =
      "(()=>{const shift=-3*3600e3,D=Date,real=D.now.bind(D);"
          + "class Slow extends D{constructor(...a){if(a.length){super(...a);}else{super(real()+shift);}}"
          + "static now(){return real()+shift;}}window.Date=Slow;})();";

  /**
   * A phone three hours slow: offline it still admits a ticket bought a minute ago (the code's
   * validity starts at its issue, in server time), and its queued scan reaches the server stamped
   * in server time, so "the earliest scan wins" is not decided by a wrong clock.
   */
  @Test
  void aPhoneWithAWrongClockKeepsTheServersTime() throws Exception {
    Shop s = Shop.open("clock");
    Night night = Night.open(s, "Clock night", 10);
    String event = night.event();
    String type = night.type();
    String gate = CheckinIT.gate(s, event, "Gate T", 100);
    String claimCode = CheckinIT.claimCode(s, gate, "Slow phone");
    List<String> codes = CheckinIT.codes(s, event, type, 1);

    CuttableRelay net = new CuttableRelay(Platform.httpPort());
    relays.add(net);
    WebDriver phone = phone(net);
    ((ChromeDriver) phone)
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", SLOW_CLOCK));
    claim(phone, s, claimCode);
    long phoneClock = (Long) ((JavascriptExecutor) phone).executeScript("return Date.now()");
    assertTrue(
        System.currentTimeMillis() - phoneClock > Duration.ofHours(2).toMillis(),
        "the phone's clock is slow");

    net.cut();
    enter(phone, codes.get(0), "ADMITTED");
    assertEquals("true", phone.findElement(By.id("result")).getAttribute("data-offline"));
    net.restore();
    new WebDriverWait(phone, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBe(By.id("queue-count"), "0"));
    assertEquals(
        1,
        Database.number(
            "SELECT count(*) FROM "
                + s.schema()
                + ".plugin_checkin_scan WHERE offline AND outcome = 'ADMITTED'"
                + " AND abs(extract(epoch FROM received_at - scanned_at)) < 60"),
        "the offline scan is stamped in server time, not three hours early");
  }
}
