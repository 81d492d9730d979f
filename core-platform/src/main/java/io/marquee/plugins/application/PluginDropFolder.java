package io.marquee.plugins.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Installs plugin jars dropped into {@code <plugins dir>/incoming/} while the server runs: each is
 * installed (or upgrades the plugin of the same id) exactly as an upload would be, then removed
 * from the folder; a jar that is not a plugin is renamed {@code .rejected} with the reason logged.
 * Polls every few seconds (a jar still being copied is left until its size stops changing).
 */
@ApplicationScoped
public class PluginDropFolder {
  private static final Logger LOG = Logger.getLogger(PluginDropFolder.class.getName());

  @Inject PluginInstaller installer;

  @Inject
  @ConfigProperty(name = "marquee.plugins.dir", defaultValue = "plugins")
  String folder;

  @Inject
  @ConfigProperty(name = "marquee.plugins.drop-poll-seconds", defaultValue = "3")
  int pollSeconds;

  private java.util.concurrent.ScheduledExecutorService poller;
  private final java.util.Map<Path, Long> seenSizes = new java.util.HashMap<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    poller =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "marquee-plugin-drop");
              t.setDaemon(true);
              return t;
            });
    poller.scheduleWithFixedDelay(
        this::poll, pollSeconds, pollSeconds, java.util.concurrent.TimeUnit.SECONDS);
  }

  void poll() {
    Path incoming = Path.of(folder).toAbsolutePath().resolve("incoming");
    if (!Files.isDirectory(incoming)) {
      return;
    }
    try (Stream<Path> jars = Files.list(incoming)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        long size = Files.size(jar);
        Long before = seenSizes.put(jar, size);
        if (before == null || before != size) {
          continue; // maybe still being copied: look again next time
        }
        seenSizes.remove(jar);
        try {
          var r = installer.install(Files.readAllBytes(jar));
          Files.delete(jar);
          LOG.info(
              () ->
                  "dropped plugin "
                      + r.plugin().id()
                      + " "
                      + r.plugin().version()
                      + " installed; migrated "
                      + r.migratedTenants().size()
                      + " tenants");
        } catch (RuntimeException e) {
          LOG.warning(() -> "dropped jar " + jar.getFileName() + " refused: " + e.getMessage());
          Files.move(jar, jar.resolveSibling(jar.getFileName() + ".rejected"));
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "plugin drop folder " + incoming + ": " + e);
    }
  }

  @PreDestroy
  void stop() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }
}
