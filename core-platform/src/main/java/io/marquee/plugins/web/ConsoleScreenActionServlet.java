package io.marquee.plugins.web;

import io.marquee.identity.application.Caller;
import io.marquee.plugin.api.ConsoleScreen;
import io.marquee.plugin.api.PluginResponse;
import io.marquee.plugins.application.ConsoleScreens;
import io.marquee.tenancy.application.PlatformSettings;
import io.marquee.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Form posts of plugin console screens ({@code POST /console/plugin-action/<plugin>/<screen>}),
 * behind the console guard (signed-in staff of this tenant). The plugin answers with a redirect
 * (post/redirect/get); only a same-site path is followed. A post from another site is refused: the
 * browser's Origin (or Referer) must be this host, so a foreign page cannot act for staff.
 */
@WebServlet(urlPatterns = "/console/plugin-action/*")
public class ConsoleScreenActionServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient TenantContext tenant;
  @Inject transient Caller caller;
  @Inject transient ConsoleScreens screens;
  @Inject transient PlatformSettings platform;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    var t = tenant.require();
    String[] parts = (req.getPathInfo() == null ? "" : req.getPathInfo()).split("/");
    if (parts.length != 3) {
      res.sendError(404);
      return;
    }
    if (!sameOrigin(req)) {
      res.sendError(403, "this form must be sent from the console");
      return;
    }
    Map<String, String> params = new HashMap<>();
    req.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
    String role = caller.role() == null ? null : caller.role().groupName();
    ConsoleScreens.Rendered r =
        screens.render(
            t,
            role,
            parts[1],
            parts[2],
            "POST",
            params,
            platform.baseUrl(t.primaryHost()),
            caller.staff() == null ? null : caller.staff().email());
    if (r.refusal() != null) {
      res.sendError(r.refusal() == ConsoleScreens.Refusal.NOT_FOUND ? 404 : 403);
      return;
    }
    PluginResponse out = r.response();
    String back = ConsoleScreen.screenUrl(parts[1], parts[2], "");
    if (out == null) {
      res.sendRedirect(back + "&failed=1");
      return;
    }
    String location = out.headers().get("Location");
    if (out.status() == 303
        && location != null
        && location.startsWith("/")
        && !location.startsWith("//")) {
      res.setStatus(303);
      res.setHeader("Location", location);
      return;
    }
    if (out.status() >= 400) {
      res.setStatus(out.status());
      res.setContentType("text/html; charset=UTF-8");
      res.getOutputStream().write(out.body());
      return;
    }
    res.setStatus(303);
    res.setHeader("Location", back);
  }

  static boolean sameOrigin(HttpServletRequest req) {
    String origin = req.getHeader("Origin");
    String source = origin != null && !origin.equals("null") ? origin : req.getHeader("Referer");
    if (source == null) {
      return false;
    }
    try {
      String host = URI.create(source).getHost();
      return host != null && host.equalsIgnoreCase(req.getServerName());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
