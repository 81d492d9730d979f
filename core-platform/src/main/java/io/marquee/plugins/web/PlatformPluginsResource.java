package io.marquee.plugins.web;

import io.marquee.identity.application.Caller;
import io.marquee.plugins.application.PluginEntitlements;
import io.marquee.plugins.application.PluginHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The operator's view: installed plugins, adoption, and each plugin's calls and failures. */
@Path("/platform/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformPluginsResource {
  @Inject Caller caller;
  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;

  @GET
  public JsonObject installed() {
    caller.requireOperator();
    Map<String, Long> adoption = entitlements.adoption();
    var stats = entitlements.stats(null);
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (PluginHost.Installed p : host.installed()) {
      long calls =
          stats.stream().filter(s -> s.pluginId().equals(p.id())).mapToLong(s -> s.calls()).sum();
      long failures =
          stats.stream()
              .filter(s -> s.pluginId().equals(p.id()))
              .mapToLong(s -> s.failures())
              .sum();
      items.add(
          Json.createObjectBuilder()
              .add("id", p.id())
              .add("version", p.version())
              .add("state", p.state())
              .add("tenants", adoption.getOrDefault(p.id(), 0L))
              .add("calls", calls)
              .add("failures", failures)
              // flagged once failures are frequent: at least 3 and a tenth of the calls
              .add("flagged", failures >= 3 && failures * 10 >= calls));
    }
    return Json.createObjectBuilder().add("items", items).build();
  }
}
