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
    return new Result(p, tenants);
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
