package io.marquee.plugins.application;

import io.marquee.plugin.api.DomainEventListener;
import io.marquee.plugins.infrastructure.PluginManagers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugin jars of {@code marquee.plugins.dir} at start-up (a missing or empty folder means
 * no plugins) and answers what is installed and which extensions a plugin offers.
 */
@ApplicationScoped
public class PluginHost {
  private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());

  @Inject
  @ConfigProperty(name = "marquee.plugins.dir", defaultValue = "plugins")
  String folder;

  private PluginManager manager;

  @Inject io.marquee.plugins.infrastructure.PluginSignatures signatures;

  // The listing of each loaded jar, read once: the catalogue and every plugin call ask for it.
  private final java.util.Map<Path, Listed> listings =
      new java.util.concurrent.ConcurrentHashMap<>();

  // Calls into plugins hold the read lock; installing, upgrading and removing hold the write lock,
  // so a swap waits for calls in flight and calls wait (briefly) for the swap: none fails.
  private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
      new java.util.concurrent.locks.ReentrantReadWriteLock(true);

  /** Runs a call into plugins while no plugin is being swapped. */
  public <T> T reading(java.util.function.Supplier<T> call) {
    lock.readLock().lock();
    try {
      return call.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** One installed plugin as the marketplace shows it. */
  public record Installed(
      String id,
      String version,
      String name,
      String category,
      String description,
      String provider,
      String state,
      io.marquee.billing.domain.PluginPrice price,
      List<io.marquee.plugins.domain.SettingSpec> settings) {}

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  synchronized void start() {
    if (manager != null) {
      return; // started already (start-up observers may ask twice)
    }
    Path dir = Path.of(folder).toAbsolutePath();
    manager = PluginManagers.manager(dir);
    if (!Files.isDirectory(dir)) {
      LOG.info(() -> "no plugins folder at " + dir + ": no plugins loaded");
      return;
    }
    manager.loadPlugins();
    manager.startPlugins();
    for (PluginWrapper p : manager.getPlugins()) {
      LOG.info(
          () ->
              "plugin "
                  + p.getPluginId()
                  + " "
                  + p.getDescriptor().getVersion()
                  + " "
                  + p.getPluginState()
                  + (p.getFailedException() == null ? "" : ": " + p.getFailedException()));
    }
  }

  public List<Installed> installed() {
    List<Installed> out = new ArrayList<>();
    for (PluginWrapper p : manager.getPlugins()) {
      Listed listed = listings.computeIfAbsent(p.getPluginPath(), k -> listed(p));
      var l = listed.listing();
      out.add(
          new Installed(
              p.getPluginId(),
              p.getDescriptor().getVersion(),
              l.name(),
              l.category(),
              p.getDescriptor().getPluginDescription(),
              p.getDescriptor().getProvider(),
              listed.problem() == null
                  ? p.getPluginState().toString()
                  : "FAILED: " + listed.problem(),
              l.price(),
              l.settings()));
    }
    return out;
  }

  /** A loaded jar's listing, or why it could not be read (then the plugin is not started). */
  private record Listed(io.marquee.plugins.domain.PluginListing listing, String problem) {}

  private static Listed listed(PluginWrapper p) {
    try {
      return new Listed(
          io.marquee.plugins.domain.PluginListing.parse(p.getPluginId(), properties(p)), null);
    } catch (IllegalArgumentException e) {
      LOG.warning(() -> "plugin " + p.getPluginId() + " has a bad listing: " + e.getMessage());
      return new Listed(
          new io.marquee.plugins.domain.PluginListing(
              p.getPluginId(),
              "other",
              io.marquee.billing.domain.PluginPrice.free("EUR"),
              List.of()),
          "marquee-plugin.properties: " + e.getMessage());
    }
  }

  /** The listing of one installed plugin. */
  public Optional<io.marquee.plugins.domain.PluginListing> listing(String id) {
    PluginWrapper p = manager.getPlugin(id);
    return p == null
        ? Optional.empty()
        : Optional.of(listings.computeIfAbsent(p.getPluginPath(), k -> listed(p)).listing());
  }

  /** {@code marquee-plugin.properties} inside the plugin's jar. */
  private static java.util.Properties properties(PluginWrapper p) {
    java.util.Properties props = new java.util.Properties();
    ClassLoader cl = p.getPluginClassLoader();
    if (cl == null) {
      return props;
    }
    try (var in = cl.getResourceAsStream("marquee-plugin.properties")) {
      if (in != null) {
        props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (java.io.IOException e) {
      LOG.warning(() -> "plugin " + p.getPluginId() + " has an unreadable listing: " + e);
    }
    return props;
  }

  public Optional<Installed> find(String id) {
    return installed().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * What identifies the jar an installed plugin was loaded from: its version, size and time, so a
   * rebuilt jar with the same version still counts as new.
   */
  public String fingerprint(String id) {
    PluginWrapper p = manager.getPlugin(id);
    if (p == null) {
      return null;
    }
    try {
      return p.getDescriptor().getVersion()
          + "@"
          + Files.size(p.getPluginPath())
          + "-"
          + Files.getLastModifiedTime(p.getPluginPath()).toMillis();
    } catch (java.io.IOException e) {
      return p.getDescriptor().getVersion();
    }
  }

  public boolean isStarted(String id) {
    PluginWrapper p = manager.getPlugin(id);
    return p != null
        && p.getPluginState() == PluginState.STARTED
        && listings.computeIfAbsent(p.getPluginPath(), k -> listed(p)).problem() == null;
  }

  /** A jar that is not an installable plugin (no PF4J descriptor, a bad id, not a jar at all). */
  public static final class BadPlugin extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadPlugin(String message) {
      super(message);
    }
  }

  /**
   * Installs a plugin jar without a restart; a jar with the id of an installed plugin replaces it
   * (an upgrade). Returns the plugin as now installed. Migrations for tenants that enabled it are
   * the caller's next step.
   */
  public Installed install(byte[] jar) {
    String id;
    String version;
    Path dir = Path.of(folder).toAbsolutePath();
    Path tmp;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".upload-", ".tmp");
      Files.write(tmp, jar);
      try (java.util.jar.JarFile f = new java.util.jar.JarFile(tmp.toFile())) {
        java.util.jar.Manifest m = f.getManifest();
        if (m == null) {
          throw new BadPlugin("the jar has no manifest, so no plugin descriptor");
        }
        id = m.getMainAttributes().getValue("Plugin-Id");
        version = m.getMainAttributes().getValue("Plugin-Version");
        // The signature first: nothing from a jar changed after signing is read.
        String unsigned = signatures.problem(f).orElse(null);
        if (unsigned != null) {
          throw new BadPlugin(unsigned);
        }
        checkListing(f, id);
      } catch (BadPlugin e) {
        Files.deleteIfExists(tmp);
        throw e;
      } catch (java.io.IOException e) {
        Files.deleteIfExists(tmp);
        throw new BadPlugin("not a jar file: " + e.getMessage());
      }
      if (id == null || !id.matches("[a-z][a-z0-9-]{1,40}") || version == null) {
        Files.deleteIfExists(tmp);
        throw new BadPlugin(
            "the jar's manifest needs Plugin-Id (lower-case letters, digits, -) and"
                + " Plugin-Version");
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot store the uploaded plugin", e);
    }
    lock.writeLock().lock();
    try {
      PluginWrapper old = manager.getPlugin(id);
      if (old != null) {
        Path oldPath = old.getPluginPath();
        manager.unloadPlugin(id);
        listings.remove(oldPath);
        Files.deleteIfExists(oldPath);
      }
      Path target = dir.resolve(id + "-" + version + ".jar");
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String loaded = manager.loadPlugin(target);
      manager.startPlugin(loaded);
      String v = version;
      LOG.info(
          () -> "plugin " + id + " " + v + " installed: " + manager.getPlugin(id).getPluginState());
      return find(id).orElseThrow();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot install plugin " + id, e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes an installed plugin (its jar too); tenants' data stays in their schemas. */
  public boolean uninstall(String id) {
    lock.writeLock().lock();
    try {
      PluginWrapper p = manager.getPlugin(id);
      if (p == null) {
        return false;
      }
      Path path = p.getPluginPath();
      manager.unloadPlugin(id);
      listings.remove(path);
      Files.deleteIfExists(path);
      return true;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot remove plugin " + id, e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void checkListing(java.util.jar.JarFile f, String id) throws java.io.IOException {
    var entry = f.getJarEntry("marquee-plugin.properties");
    if (entry == null) {
      throw new BadPlugin("the jar has no marquee-plugin.properties (the marketplace listing)");
    }
    java.util.Properties props = new java.util.Properties();
    try (var in = f.getInputStream(entry)) {
      props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    try {
      io.marquee.plugins.domain.PluginListing.parse(id, props);
    } catch (IllegalArgumentException e) {
      throw new BadPlugin("marquee-plugin.properties: " + e.getMessage());
    }
  }

  /** A plugin's extensions of one kind, or none while it is not started. */
  public <T> List<T> extensions(Class<T> type, String pluginId) {
    return isStarted(pluginId) ? manager.getExtensions(type, pluginId) : List.of();
  }

  public ClassLoader classLoader(String pluginId) {
    return manager.getPluginClassLoader(pluginId);
  }

  public List<io.marquee.plugin.api.PluginEndpoint> endpoints(String pluginId) {
    return isStarted(pluginId)
        ? manager.getExtensions(io.marquee.plugin.api.PluginEndpoint.class, pluginId)
        : List.of();
  }

  public List<io.marquee.plugin.api.StorefrontBlock> blocks(String pluginId) {
    return isStarted(pluginId)
        ? manager.getExtensions(io.marquee.plugin.api.StorefrontBlock.class, pluginId)
        : List.of();
  }

  public List<DomainEventListener> listeners(String pluginId) {
    return isStarted(pluginId)
        ? manager.getExtensions(DomainEventListener.class, pluginId)
        : List.of();
  }

  @PreDestroy
  synchronized void stop() {
    // unloadPlugins() rather than stopPlugins(): the latter throws (PF4J issue 656).
    if (manager != null) {
      new ArrayList<>(manager.getPlugins()).forEach(p -> manager.unloadPlugin(p.getPluginId()));
    }
  }
}
