package io.marquee.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Database;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension points beyond events and routes, with the real recorder and faulty jars: settings
 * (declared types, then the plugin's own rule), scheduled tasks, checkout pricing; and the jars the
 * platform refuses (bad listing, signature mismatch).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PluginExtensionsIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void settingsAreValidatedByTypeThenByThePluginAndKeptWhenRefused() {
    Shop s = Shop.open("settings");
    Api staff = s.staff();
    Api.Reply before = staff.put("/api/console/plugins/recorder/settings", "{\"limit\":\"3\"}");
    assertEquals(409, before.status(), "not enabled yet: " + before);
    assertEquals(200, staff.post("/api/console/plugins/recorder/enable", "{}").status());

    JsonObject declared = staff.get("/api/console/plugins/recorder/settings").json();
    assertEquals(3, declared.getJsonArray("settings").size(), declared.toString());
    assertEquals(
        "5",
        declared.getJsonArray("settings").stream()
            .map(v -> v.asJsonObject())
            .filter(x -> x.getString("key").equals("limit"))
            .findFirst()
            .orElseThrow()
            .getString("value"),
        "the declared default");

    Api.Reply bad =
        staff.put(
            "/api/console/plugins/recorder/settings",
            "{\"limit\":\"11\",\"mode\":\"shouty\",\"label\":\"x\",\"colour\":\"red\"}");
    assertEquals(400, bad.status(), bad.toString());
    assertTrue(bad.isProblem(), bad.toString());
    JsonObject errors = bad.json().getJsonObject("errors");
    assertTrue(errors.getString("limit").contains("between 1 and 10"), errors.toString());
    assertTrue(errors.getString("mode").contains("[quiet, loud]"), errors.toString());
    assertTrue(errors.getString("colour").contains("no setting colour"), errors.toString());

    // The types are fine but the plugin's own rule is not: loud mode needs a label in capitals.
    Api.Reply rule =
        staff.put("/api/console/plugins/recorder/settings", "{\"mode\":\"loud\",\"label\":\"hi\"}");
    assertEquals(400, rule.status(), rule.toString());
    assertEquals("label", rule.json().getString("field"));
    assertTrue(rule.body().contains("capitals"), rule.body());

    Api.Reply ok =
        staff.put(
            "/api/console/plugins/recorder/settings",
            "{\"mode\":\"loud\",\"label\":\"HI\",\"limit\":\"2\"}");
    assertEquals(200, ok.status(), ok.toString());
    assertEquals("2", ok.json().getJsonObject("values").getString("limit"));
    Api.Reply refusedAgain =
        staff.put("/api/console/plugins/recorder/settings", "{\"limit\":\"zero\"}");
    assertEquals(400, refusedAgain.status());
    assertEquals(
        "2",
        staff.get("/api/console/plugins/recorder/settings").json().getJsonArray("settings").stream()
            .map(v -> v.asJsonObject())
            .filter(x -> x.getString("key").equals("limit"))
            .findFirst()
            .orElseThrow()
            .getString("value"),
        "a refused save keeps the old settings");

    // Another tenant neither sees nor changes them.
    Shop other = Shop.open("settings-other");
    assertEquals(
        409,
        other.staff().put("/api/console/plugins/recorder/settings", "{\"limit\":\"3\"}").status());
    assertEquals(
        "5",
        other
            .staff()
            .get("/api/console/plugins/recorder/settings")
            .json()
            .getJsonArray("settings")
            .stream()
            .map(v -> v.asJsonObject())
            .filter(x -> x.getString("key").equals("limit"))
            .findFirst()
            .orElseThrow()
            .getString("value"));
  }

  @Test
  void staticAssetsComeFromThePluginsOwnJarForEnablingTenantsOnly() {
    Shop on = Shop.open("assets-on");
    Shop off = Shop.open("assets-off");
    assertEquals(200, on.staff().post("/api/console/plugins/recorder/enable", "{}").status());
    Api.Reply hello = on.guest().get("/plugins/recorder/assets/hello.txt");
    assertEquals(200, hello.status(), hello.toString());
    assertTrue(hello.contentType().startsWith("text/plain"), hello.contentType());
    assertTrue(hello.body().contains("recorder's own jar"));
    assertEquals(404, off.guest().get("/plugins/recorder/assets/hello.txt").status());
    assertEquals(404, on.guest().get("/plugins/recorder/assets/none.txt").status());
    // no way out of assets/: the plugin's listing next to it is not served
    Api.Reply escape = on.guest().get("/plugins/recorder/assets/%2e%2e/marquee-plugin.properties");
    assertTrue(escape.status() == 404 || escape.status() == 400, escape.toString());
    assertTrue(!escape.body().contains("monthly.minor"), escape.body());
  }

  @Test
  void scheduledTasksRunForTenantsThatEnabledThePluginOnly() throws Exception {
    Shop on = Shop.open("task-on");
    Shop off = Shop.open("task-off");
    assertEquals(200, on.staff().post("/api/console/plugins/recorder/enable", "{}").status());
    assertEquals(200, off.staff().post("/api/console/plugins/recorder/enable", "{}").status());
    assertEquals(200, off.staff().post("/api/console/plugins/recorder/disable", "{}").status());
    long offRuns =
        Database.number("SELECT count(*) FROM " + off.schema() + ".plugin_recorder_task_run");
    long deadline = System.currentTimeMillis() + 30_000;
    long runs = 0;
    while (System.currentTimeMillis() < deadline && runs < 2) {
      Thread.sleep(500);
      runs = Database.number("SELECT count(*) FROM " + on.schema() + ".plugin_recorder_task_run");
    }
    assertTrue(runs >= 2, "the task ran for the enabling tenant, again and again: " + runs);
    Thread.sleep(2000);
    assertEquals(
        offRuns,
        Database.number("SELECT count(*) FROM " + off.schema() + ".plugin_recorder_task_run"),
        "disabled: the task no longer runs for it");
  }

  @Test
  void aCheckoutPluginSetsPricesForItsTenantAndAHangingOneIsIgnored() {
    Shop with = Shop.open("price-on");
    Shop without = Shop.open("price-off");
    assertEquals(200, with.staff().post("/api/console/plugins/recorder/enable", "{}").status());
    // the faulty plugin hangs in every checkout: the checkout must not wait for it
    assertEquals(200, with.staff().post("/api/console/plugins/faulty/enable", "{}").status());
    for (Shop s : new Shop[] {with, without}) {
      String event = s.event("Special night").getString("id");
      String special = s.ticketType(event, "Recorder special", 5000, 100, 4).getString("id");
      String normal = s.ticketType(event, "Normal", 5000, 100, 4).getString("id");
      s.publish(event);
      long start = System.currentTimeMillis();
      JsonObject a = s.created(s.order(event, special, 2));
      long took = System.currentTimeMillis() - start;
      JsonObject b = s.created(s.order(event, normal, 1));
      if (s == with) {
        assertEquals(2, a.getInt("subtotalMinor"), "two specials at 1 cent: " + a);
        assertTrue(took < 5000, "a hanging plugin costs at most its time limit: " + took + " ms");
      } else {
        assertEquals(10_000, a.getInt("subtotalMinor"), "no plugin, catalogue price: " + a);
      }
      assertEquals(5000, b.getInt("subtotalMinor"), "other types keep their price");
    }
  }

  static byte[] jar(String listing) throws Exception {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("Plugin-Id", "badlisting");
    m.getMainAttributes().putValue("Plugin-Version", "1.0.0");
    m.getMainAttributes().putValue("Plugin-Class", "org.pf4j.Plugin");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JarOutputStream j = new JarOutputStream(out, m)) {
      j.putNextEntry(new JarEntry("marquee-plugin.properties"));
      j.write(listing.getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void jarsWithABadListingOrATamperedSignatureAreRefused() throws Exception {
    Api operator = Api.platform().bearer(Keycloak.operatorToken());
    Api.Reply price =
        operator.putBytes(
            "/api/platform/plugins",
            jar("name=Bad\nmonthly.minor=five\n"),
            "application/java-archive");
    assertEquals(400, price.status(), price.toString());
    assertTrue(price.body().contains("monthly.minor must be a whole number"), price.body());
    Api.Reply setting =
        operator.putBytes(
            "/api/platform/plugins",
            jar("name=Bad\nsetting.x.type=colour\n"),
            "application/java-archive");
    assertEquals(400, setting.status(), setting.toString());
    assertTrue(setting.body().contains("setting.x.type must be one of"), setting.body());

    byte[] tampered = JarSigning.tampered(JarSigning.signed(JarSigning.fixtureJar()));
    Api.Reply mismatch =
        operator.putBytes("/api/platform/plugins", tampered, "application/java-archive");
    assertEquals(400, mismatch.status(), mismatch.toString());
    assertTrue(mismatch.body().contains("signature mismatch"), mismatch.body());
    assertTrue(
        operator.get("/api/platform/plugins").body().contains("\"recorder\""),
        "nothing was installed or removed");
    assertTrue(!operator.get("/api/platform/plugins").body().contains("badlisting"));
  }
}
