package io.marquee.plugins.application;

import io.marquee.common.problem.ProblemException;
import io.marquee.plugin.api.SettingsValidator;
import io.marquee.plugins.domain.PluginListing;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant's settings per plugin: checked against the plugin's declared settings and then by the
 * plugin's own {@link SettingsValidator}, saved only when both agree (else 400 naming the fields,
 * old settings kept).
 */
@ApplicationScoped
public class PluginSettingsStore {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  @Inject PluginHost host;
  @Inject PluginCalls calls;
  @Inject PluginEntitlements entitlements;
  @Inject PluginEventDispatcher contexts;

  @Inject
  @ConfigProperty(name = "marquee.plugins.validate-timeout-ms", defaultValue = "1000")
  long timeoutMs;

  /** What the tenant saved (no defaults). */
  public Map<String, String> saved(UUID tenantId, String pluginId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT settings FROM platform.plugin_setting WHERE tenant_id = ? AND plugin_id ="
                    + " ?")) {
      ps.setObject(1, tenantId);
      ps.setString(2, pluginId);
      try (ResultSet rs = ps.executeQuery()) {
        Map<String, String> out = new TreeMap<>();
        if (rs.next()) {
          Json.createReader(new StringReader(rs.getString(1)))
              .readObject()
              .forEach((k, v) -> out.put(k, ((jakarta.json.JsonString) v).getString()));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read plugin settings", e);
    }
  }

  /** The settings a plugin sees: saved values, declared defaults for the rest. */
  public Map<String, String> effective(UUID tenantId, String pluginId) {
    return cache.get(
        tenantId + "/" + pluginId,
        k ->
            host.listing(pluginId).map(l -> l.resolve(saved(tenantId, pluginId))).orElse(Map.of()));
  }

  // Read on hot paths (every door scan may ask); saving on this node invalidates at once.
  private final io.marquee.common.infrastructure.ShortCache<String, Map<String, String>> cache =
      new io.marquee.common.infrastructure.ShortCache<>(2000, 10_000);

  /** Validates and saves; returns the effective settings. */
  public Map<String, String> save(
      TenantSnapshot t, String pluginId, Map<String, String> values, String actor) {
    PluginListing listing =
        host.listing(pluginId)
            .orElseThrow(() -> ProblemException.notFound("no plugin " + pluginId));
    if (!entitlements.enabledFor(t.id()).contains(pluginId)) {
      throw ProblemException.conflict("id", "enable " + pluginId + " before changing its settings");
    }
    Map<String, String> problems = new TreeMap<>(listing.problems(values));
    Map<String, String> clean = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            clean.put(k, v.strip());
          }
        });
    if (problems.isEmpty()) {
      for (SettingsValidator v : host.extensions(SettingsValidator.class, pluginId)) {
        Map<String, String> resolved = listing.resolve(clean);
        PluginCalls.Outcome<Map<String, String>> out =
            calls.call(
                t.id(),
                t.slug(),
                pluginId,
                "settings validation",
                timeoutMs,
                () -> v.validate(resolved, contexts.contextFor(t, pluginId)));
        if (out.failure() != null) {
          throw ProblemException.unprocessable(
              "settings", "the plugin could not check these settings; nothing was saved");
        }
        out.result().ifPresent(problems::putAll);
      }
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    JsonObjectBuilder json = Json.createObjectBuilder();
    clean.forEach(json::add);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO platform.plugin_setting (tenant_id, plugin_id, settings, changed_by)"
                    + " VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (tenant_id, plugin_id) DO UPDATE SET"
                    + " settings = EXCLUDED.settings, changed_at = now(), changed_by ="
                    + " EXCLUDED.changed_by")) {
      ps.setObject(1, t.id());
      ps.setString(2, pluginId);
      ps.setString(3, json.build().toString());
      ps.setString(4, actor);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save plugin settings", e);
    } finally {
      cache.invalidate(t.id() + "/" + pluginId);
    }
    return listing.resolve(clean);
  }
}
