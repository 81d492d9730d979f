package io.marquee.plugins.application;

import io.marquee.common.problem.ProblemException;
import io.marquee.plugins.infrastructure.PluginMigrations;
import io.marquee.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Installing, upgrading and removing plugins while the server runs. An upgrade runs the new
 * version's migrations for every tenant that has the plugin enabled; removal is refused while
 * tenants use the plugin, unless forced.
 */
@ApplicationScoped
public class PluginInstaller {
  private static final Logger LOG = Logger.getLogger(PluginInstaller.class.getName());

  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;
  @Inject PluginMigrations migrations;

  /** What an install did: the plugin as installed now, and the tenants migrated. */
  public record Result(PluginHost.Installed plugin, List<String> migratedTenants) {}

  public Result install(byte[] jar) {
    if (jar == null || jar.length == 0) {
      throw ProblemException.invalid("body", "upload the plugin jar as the request body");
    }
    PluginHost.Installed p;
    try {
      p = host.install(jar);
    } catch (PluginHost.BadPlugin e) {
      throw ProblemException.invalid("body", e.getMessage());
    }
    List<String> tenants = entitlements.tenantsWith(p.id());
    for (String slug : tenants) {
      int n = migrations.migrate(p.id(), host.classLoader(p.id()), Tenant.schemaOf(slug));
      LOG.info(() -> "plugin " + p.id() + " " + p.version() + ": " + n + " migrations in " + slug);
    }
    see(p.id(), host.fingerprint(p.id()));
    return new Result(p, tenants);
  }

  @jakarta.annotation.Resource(lookup = "jdbc/marqueeNonJta")
  javax.sql.DataSource dataSource;

  /**
   * At start-up: a plugin whose jar changed while the server was down (a new version dropped into
   * the folder, a deploy) gets its new migrations run for every tenant that enabled it, before any
   * request or job reaches it.
   */
  void onSchemasReady(
      @jakarta.enterprise.event.Observes io.marquee.tenancy.application.SchemasReady ready) {
    host.start();
    for (PluginHost.Installed p : host.installed()) {
      String jar = host.fingerprint(p.id());
      if (!host.isStarted(p.id()) || jar.equals(seenVersion(p.id()))) {
        continue;
      }
      for (String slug : entitlements.tenantsWith(p.id())) {
        try {
          int n = migrations.migrate(p.id(), host.classLoader(p.id()), Tenant.schemaOf(slug));
          LOG.info(
              () -> "plugin " + p.id() + " " + p.version() + ": " + n + " migrations in " + slug);
        } catch (RuntimeException e) {
          LOG.warning(() -> "plugin " + p.id() + " migrations failed in " + slug + ": " + e);
        }
      }
      see(p.id(), jar);
    }
  }

  private String seenVersion(String id) {
    try (var c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "SELECT version FROM platform.plugin_version_seen WHERE plugin_id = ?")) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read plugin versions", e);
    }
  }

  private void see(String id, String version) {
    try (var c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "INSERT INTO platform.plugin_version_seen (plugin_id, version) VALUES (?, ?) ON"
                    + " CONFLICT (plugin_id) DO UPDATE SET version = EXCLUDED.version, seen_at ="
                    + " now()")) {
      ps.setString(1, id);
      ps.setString(2, version);
      ps.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot record plugin versions", e);
    }
  }

  public void uninstall(String id, boolean force) {
    List<String> tenants = entitlements.tenantsWith(id);
    if (!tenants.isEmpty() && !force) {
      throw ProblemException.conflict(
          "id",
          tenants.size() + " tenants have " + id + " enabled; add force=true to remove it anyway");
    }
    if (!host.uninstall(id)) {
      throw ProblemException.notFound("no plugin " + id + " installed");
    }
  }
}
