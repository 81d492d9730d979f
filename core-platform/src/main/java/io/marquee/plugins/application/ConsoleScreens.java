package io.marquee.plugins.application;

import io.marquee.plugin.api.ConsoleScreen;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Screens plugins add to the tenant console: the menu (enabled plugins, screens the role may open)
 * and the calls that render them, each timed and counted like every plugin call.
 */
@ApplicationScoped
public class ConsoleScreens {
  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;
  @Inject PluginCalls calls;
  @Inject PluginEventDispatcher contexts;

  @Inject
  @ConfigProperty(name = "marquee.plugins.screen-timeout-ms", defaultValue = "2000")
  long timeoutMs;

  /** One menu entry. */
  public record Entry(String pluginId, String screenId, String title, String url) {}

  public List<Entry> menu(TenantSnapshot t, String role) {
    List<Entry> out = new ArrayList<>();
    if (role == null) {
      return out;
    }
    for (String pluginId : entitlements.enabledFor(t.id())) {
      for (ConsoleScreen s : host.reading(() -> host.extensions(ConsoleScreen.class, pluginId))) {
        if (s.roles().contains(role)) {
          String title =
              calls
                  .call(
                      t.id(),
                      t.slug(),
                      pluginId,
                      "screen title " + s.id(),
                      timeoutMs,
                      () -> s.title(contexts.contextFor(t, pluginId)))
                  .result()
                  .orElse(s.id());
          out.add(
              new Entry(pluginId, s.id(), title, ConsoleScreen.screenUrl(pluginId, s.id(), "")));
        }
      }
    }
    return out;
  }

  /** Why a screen cannot be opened. */
  public enum Refusal {
    NOT_FOUND,
    FORBIDDEN
  }

  /** The screen, if this tenant enabled its plugin; the role decides in {@link #render}. */
  public Optional<ConsoleScreen> find(TenantSnapshot t, String pluginId, String screenId) {
    if (pluginId == null || !entitlements.enabledFor(t.id()).contains(pluginId)) {
      return Optional.empty();
    }
    return host.reading(() -> host.extensions(ConsoleScreen.class, pluginId)).stream()
        .filter(s -> s.id().equals(screenId))
        .findFirst();
  }

  /** A rendered screen, or why not ({@code failure}: the plugin failed or timed out). */
  public record Rendered(Refusal refusal, PluginResponse response, String title, String failure) {}

  public Rendered render(
      TenantSnapshot t,
      String role,
      String pluginId,
      String screenId,
      String method,
      Map<String, String> params,
      String baseUrl,
      String staffEmail) {
    ConsoleScreen s = find(t, pluginId, screenId).orElse(null);
    if (s == null) {
      return new Rendered(Refusal.NOT_FOUND, null, null, null);
    }
    if (role == null || !s.roles().contains(role)) {
      return new Rendered(Refusal.FORBIDDEN, null, null, null);
    }
    PluginRequest req =
        new PluginRequest(method, "/" + screenId, params, baseUrl, role, staffEmail, Map.of(), "");
    var ctx = contexts.contextFor(t, pluginId);
    PluginCalls.Outcome<PluginResponse> out =
        calls.call(
            t.id(), t.slug(), pluginId, "screen " + screenId, timeoutMs, () -> s.render(req, ctx));
    String title =
        calls
            .call(t.id(), t.slug(), pluginId, "screen title", timeoutMs, () -> s.title(ctx))
            .result()
            .orElse(screenId);
    return new Rendered(
        null,
        out.result().orElse(null),
        title,
        out.failure() != null ? out.failure() : out.value() == null ? "no answer" : null);
  }
}
