package io.marquee.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator uploads version 2 of a plugin while a tenant's visitors use it: no restart, no
 * failed request, the new version's migrations applied to the tenant that has it enabled; bad
 * uploads are refused; removal is refused while tenants use the plugin.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PluginUpgradeIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void hotUpgradeWhileRequestsRun() throws Exception {
    Shop s = Shop.open("upgrade");
    Api operator = Api.platform().bearer(Keycloak.operatorToken());
    assertEquals(200, s.staff().post("/api/console/plugins/upgradable/enable", "{}").status());
    JsonObject v1 = s.guest().get("/plugins/upgradable/version").json();
    assertEquals(1, v1.getInt("version"));
    assertEquals(2, v1.getInt("columns"), "version 1 has id and text");

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    Set<String> failures = ConcurrentHashMap.newKeySet();
    Set<Integer> versions = ConcurrentHashMap.newKeySet();
    ExecutorService visitors = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4; i++) {
      visitors.submit(
          () -> {
            long stop = System.currentTimeMillis() + 30_000; // bounded even if the test fails
            while (running.get() && System.currentTimeMillis() < stop) {
              Api.Reply r = s.guest().get("/plugins/upgradable/version");
              if (r.status() == 200) {
                ok.incrementAndGet();
                versions.add(r.json().getInt("version"));
              } else {
                failures.add(r.status() + " " + r.body());
              }
            }
          });
    }
    Thread.sleep(500);
    byte[] jar = Files.readAllBytes(Path.of(System.getProperty("marquee.it.uploadJar")));
    Api.Reply up = operator.putBytes("/api/platform/plugins", jar, "application/java-archive");
    assertEquals(201, up.status(), up.toString());
    assertEquals("0.2.0", up.json().getString("version"));
    assertEquals("STARTED", up.json().getString("state"));
    assertTrue(up.json().getJsonArray("migratedTenants").toString().contains(s.slug));
    Thread.sleep(1000);
    running.set(false);
    visitors.shutdown();
    assertTrue(visitors.awaitTermination(40, TimeUnit.SECONDS));

    assertEquals(Set.of(), failures, "no request failed during the upgrade");
    assertTrue(ok.get() > 10, "requests ran throughout: " + ok.get());
    assertEquals(Set.of(1, 2), versions, "served by version 1, then version 2");
    JsonObject v2 = s.guest().get("/plugins/upgradable/version").json();
    assertEquals(2, v2.getInt("version"));
    assertEquals(3, v2.getInt("columns"), "version 2's migration added a column for the tenant");

    // Bad uploads: not a jar; a jar without a plugin descriptor.
    Api.Reply junk =
        operator.putBytes("/api/platform/plugins", "hello".getBytes(), "application/java-archive");
    assertEquals(400, junk.status(), junk.toString());
    assertTrue(junk.body().contains("\"field\":\"body\""), junk.body());
    java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(plain)) {
      out.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
      out.write("not a plugin".getBytes());
    }
    Api.Reply noDescriptor =
        operator.putBytes("/api/platform/plugins", plain.toByteArray(), "application/java-archive");
    assertEquals(400, noDescriptor.status(), noDescriptor.toString());
    assertEquals(
        403, s.staff().putBytes("/api/platform/plugins", jar, "application/java-archive").status());

    // Removal while a tenant uses it: refused.
    Api.Reply remove = operator.delete("/api/platform/plugins/upgradable");
    assertEquals(409, remove.status(), remove.toString());
    assertEquals(404, operator.delete("/api/platform/plugins/no-such-plugin").status());
  }

  @Test
  void aJarDroppedIntoTheIncomingFolderIsInstalledWithoutARestart() throws Exception {
    Path incoming = Path.of(System.getProperty("marquee.it.pluginsDir"), "incoming");
    Files.createDirectories(incoming);
    // A plain jar without a descriptor is refused and set aside.
    Path junk = incoming.resolve("not-a-plugin.jar");
    java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(plain)) {
      out.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
      out.write("not a plugin".getBytes());
    }
    Files.write(junk, plain.toByteArray());
    // The recorder again (same id and version): installed as an upload would be.
    Path recorder =
        Files.list(Path.of(System.getProperty("marquee.it.pluginsDir")))
            .filter(p -> p.getFileName().toString().contains("recorder"))
            .findFirst()
            .orElseThrow();
    Path dropped = incoming.resolve("recorder-dropped.jar");
    Files.copy(recorder, dropped);
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline
        && (Files.exists(dropped)
            || !Files.exists(incoming.resolve("not-a-plugin.jar.rejected")))) {
      Thread.sleep(500);
    }
    assertTrue(!Files.exists(dropped), "the dropped plugin was taken in");
    assertTrue(
        Files.exists(incoming.resolve("not-a-plugin.jar.rejected")), "the junk was set aside");
    JsonObject all =
        Api.platform().bearer(Keycloak.operatorToken()).get("/api/platform/plugins").json();
    assertTrue(
        all.getJsonArray("items").stream()
            .map(v -> v.asJsonObject())
            .anyMatch(
                p ->
                    p.getString("id").equals("recorder") && p.getString("state").equals("STARTED")),
        all.toString());
  }
}
