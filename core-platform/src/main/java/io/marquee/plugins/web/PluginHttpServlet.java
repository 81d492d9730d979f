package io.marquee.plugins.web;

import io.marquee.plugin.api.PluginEndpoint;
import io.marquee.plugin.api.PluginRequest;
import io.marquee.plugin.api.PluginResponse;
import io.marquee.plugins.application.PluginEntitlements;
import io.marquee.plugins.application.PluginEventDispatcher;
import io.marquee.plugins.application.PluginHost;
import io.marquee.tenancy.application.PlatformSettings;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code /plugins/<id>/…} on a tenant's domain, answered by the plugin's {@link PluginEndpoint}
 * only when the tenant enabled it; otherwise 404, and the plugin is not called. Calls are timed and
 * counted like event deliveries; a plugin that throws costs its visitor a 500, nothing more.
 */
@WebServlet(urlPatterns = "/plugins/*")
public class PluginHttpServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PluginHttpServlet.class.getName());

  @Inject transient TenantContext tenant;
  @Inject transient PluginHost host;
  @Inject transient PluginEntitlements entitlements;
  @Inject transient PluginEventDispatcher dispatcher;
  @Inject transient PlatformSettings platform;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    TenantSnapshot t = tenant.current().orElse(null);
    String info = req.getPathInfo() == null ? "" : req.getPathInfo();
    String[] parts = info.split("/", 3); // "", id, rest
    if (t == null || parts.length < 2 || parts[1].isEmpty()) {
      res.sendError(404);
      return;
    }
    String id = parts[1];
    List<PluginEndpoint> endpoints = host.endpoints(id);
    if (endpoints.isEmpty() || !entitlements.enabledFor(t.id()).contains(id)) {
      res.sendError(404);
      return;
    }
    Map<String, String> params = new HashMap<>();
    req.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
    PluginRequest request =
        new PluginRequest(
            req.getMethod(),
            "/" + (parts.length > 2 ? parts[2] : ""),
            params,
            platform.baseUrl(t.primaryHost()));
    long start = System.nanoTime();
    String failure = null;
    try {
      PluginResponse r = endpoints.get(0).handle(request, dispatcher.contextFor(t, id));
      res.setStatus(r.status());
      res.setContentType(r.contentType());
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.getOutputStream().write(r.body());
    } catch (Exception e) {
      failure = "HTTP " + request.method() + " " + request.path() + ": " + e;
      String msg = failure;
      LOG.warning(() -> "plugin " + id + " failed for tenant " + t.slug() + ": " + msg);
      if (!res.isCommitted()) {
        res.reset();
        res.sendError(500);
      }
    } finally {
      entitlements.record(t.id(), id, (System.nanoTime() - start) / 1000, failure, false);
    }
  }
}
