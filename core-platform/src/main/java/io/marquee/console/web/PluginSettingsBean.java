package io.marquee.console.web;

import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.plugins.application.Marketplace;
import io.marquee.plugins.application.PluginHost;
import io.marquee.plugins.application.PluginSettingsStore;
import io.marquee.plugins.domain.SettingSpec;
import io.marquee.tenancy.application.TenantContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Console › Marketplace › an add-on's settings: a form made from the settings it declares. */
@Named("console.pluginSettings")
@ViewScoped
public class PluginSettingsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;
  @Inject transient PluginHost host;
  @Inject transient Marketplace marketplace;
  @Inject transient PluginSettingsStore store;

  private String plugin;
  private final HashMap<String, String> values = new HashMap<>();

  public void load() {
    caller.require(Permission.MANAGE_PLUGINS);
    if (plugin == null || host.listing(plugin).isEmpty()) {
      throw io.marquee.common.problem.ProblemException.notFound("no such add-on");
    }
    values.clear();
    values.putAll(store.effective(tenant.require().id(), plugin));
  }

  public List<SettingSpec> getSpecs() {
    return plugin == null
        ? List.of()
        : host.listing(plugin).map(l -> l.settings()).orElse(List.of());
  }

  public String getName() {
    return host.listing(plugin).map(l -> l.name()).orElse(plugin);
  }

  public boolean isEnabled() {
    return marketplace.isEnabled(tenant.require(), plugin);
  }

  public void save() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_PLUGINS);
          values.putAll(store.save(tenant.require(), plugin, values, caller.actor()));
          Messages.info("Settings saved");
        });
  }

  public Map<String, String> getValues() {
    return values;
  }

  public String getPlugin() {
    return plugin;
  }

  public void setPlugin(String plugin) {
    this.plugin = plugin;
  }
}
