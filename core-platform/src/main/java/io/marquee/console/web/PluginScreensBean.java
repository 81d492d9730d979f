package io.marquee.console.web;

import io.marquee.identity.application.Caller;
import io.marquee.plugins.application.ConsoleScreens;
import io.marquee.tenancy.application.PlatformSettings;
import io.marquee.tenancy.application.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The console's add-on screens: menu entries, and the screen page that shows one. */
@Named("console.pluginScreens")
@RequestScoped
public class PluginScreensBean {
  @Inject Caller caller;
  @Inject TenantContext tenant;
  @Inject ConsoleScreens screens;
  @Inject PlatformSettings platform;

  private String plugin;
  private String screen;
  private ConsoleScreens.Rendered rendered;
  private List<ConsoleScreens.Entry> menu;

  private String role() {
    return caller.role() == null ? null : caller.role().groupName();
  }

  public List<ConsoleScreens.Entry> getMenu() {
    if (menu == null) {
      menu = tenant.current().map(t -> screens.menu(t, role())).orElse(List.of());
    }
    return menu;
  }

  /** Renders the screen named by the query (viewAction); 404 / 403 like the API. */
  public void open() throws java.io.IOException {
    var t = tenant.require();
    Map<String, String> params = new HashMap<>();
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .forEach(
            (k, v) -> {
              if (!k.equals("plugin") && !k.equals("screen")) {
                params.put(k, v);
              }
            });
    rendered =
        screens.render(
            t,
            role(),
            plugin,
            screen,
            "GET",
            params,
            platform.baseUrl(t.primaryHost()),
            caller.staff() == null ? null : caller.staff().email());
    if (rendered.refusal() != null) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(
              rendered.refusal() == ConsoleScreens.Refusal.NOT_FOUND ? 404 : 403,
              rendered.refusal() == ConsoleScreens.Refusal.NOT_FOUND
                  ? "no such screen"
                  : "your role cannot open this screen");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  public String getTitle() {
    return rendered == null || rendered.title() == null ? "Add-on" : rendered.title();
  }

  public String getHtml() {
    if (rendered == null || rendered.response() == null) {
      return "";
    }
    return new String(rendered.response().body(), StandardCharsets.UTF_8);
  }

  public String getFailure() {
    return rendered == null ? null : rendered.failure();
  }

  public String getPlugin() {
    return plugin;
  }

  public void setPlugin(String plugin) {
    this.plugin = plugin;
  }

  public String getScreen() {
    return screen;
  }

  public void setScreen(String screen) {
    this.screen = screen;
  }
}
