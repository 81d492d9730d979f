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
@WebServlet(urlPatterns = "/plugins/*", asyncSupported = true)
public class PluginHttpServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PluginHttpServlet.class.getName());

  @Inject transient TenantContext tenant;
  @Inject transient PluginHost host;
  @Inject transient PluginEntitlements entitlements;
  @Inject transient PluginEventDispatcher dispatcher;
  @Inject transient PlatformSettings platform;

  /** Carries a plugin's exception out of the locked call. */
  private static final class PluginFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PluginFailure(Exception cause) {
      super(cause);
    }
  }

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("js", "text/javascript; charset=UTF-8"),
          Map.entry("css", "text/css; charset=UTF-8"),
          Map.entry("html", "text/html; charset=UTF-8"),
          Map.entry("json", "application/json"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("wav", "audio/wav"),
          Map.entry("txt", "text/plain; charset=UTF-8"));

  /**
   * A static file from the plugin's own jar ({@code assets/…} inside it), never from the platform's
   * class path. Only known file types; names with {@code ..} are refused.
   */
  private void asset(String pluginId, String name, HttpServletResponse res) throws IOException {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    if (name.contains("..") || name.contains("//") || !TYPES.containsKey(ext)) {
      res.sendError(404);
      return;
    }
    java.net.URL url =
        host.reading(
            () -> {
              ClassLoader cl = host.isStarted(pluginId) ? host.classLoader(pluginId) : null;
              // findResource, not getResource: the plugin's own jar only, not its parents
              return cl instanceof java.net.URLClassLoader u ? u.findResource(name) : null;
            });
    if (url == null) {
      res.sendError(404);
      return;
    }
    byte[] body;
    try (var in = url.openStream()) {
      body = in.readAllBytes();
    }
    res.setContentType(TYPES.get(ext));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "public, max-age=300");
    res.getOutputStream().write(body);
  }

  @Inject transient io.marquee.identity.infrastructure.TokenVerifier tokens;

  /** The staff member behind the request: the console session, or a staff bearer token. */
  private java.util.Optional<io.marquee.identity.domain.StaffPrincipal> staff(
      HttpServletRequest req) {
    var session = io.marquee.identity.web.ConsoleSession.principal(req);
    String auth = req.getHeader("Authorization");
    if (session.isPresent() || auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return session;
    }
    try {
      return java.util.Optional.of(tokens.verify(auth.substring(7).strip()));
    } catch (io.marquee.identity.infrastructure.TokenVerifier.InvalidToken e) {
      return java.util.Optional.empty();
    }
  }

  @Inject transient io.marquee.plugins.application.PluginPush push;

  /**
   * A server-sent event stream of one of the plugin's channels for this tenant: staff only, unless
   * the channel is {@code public-…}. It stays open until the browser goes (EventSource reconnects).
   */
  private void stream(
      TenantSnapshot t,
      String pluginId,
      String channel,
      HttpServletRequest req,
      HttpServletResponse res)
      throws IOException {
    if (!channel.matches("[a-zA-Z0-9_-]{1,100}")) {
      res.sendError(404);
      return;
    }
    if (!channel.startsWith("public-")
        && staff(req).map(p -> p.roleIn(t.slug())).orElse(null) == null) {
      res.sendError(401);
      return;
    }
    res.setContentType("text/event-stream");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Accel-Buffering", "no");
    jakarta.servlet.AsyncContext async = req.startAsync();
    async.setTimeout(300_000); // EventSource reconnects by itself; no stream lives forever
    java.io.PrintWriter out = res.getWriter();
    out.write("retry: 2000\n: connected\n\n");
    out.flush();
    Runnable[] stop = new Runnable[1];
    stop[0] =
        push.listen(
            t.id(),
            pluginId,
            channel,
            data -> {
              synchronized (out) {
                if (!io.marquee.plugins.application.PluginPush.CLOSE.equals(data)) {
                  out.write(data == null ? ": keep-alive\n\n" : "data: " + data + "\n\n");
                  out.flush();
                }
                if (io.marquee.plugins.application.PluginPush.CLOSE.equals(data)
                    || out.checkError()) { // shutting down, or the browser went away
                  stop[0].run();
                  try {
                    async.complete();
                  } catch (IllegalStateException ignored) {
                    // completed already
                  }
                }
              }
            });
    async.addListener(
        new jakarta.servlet.AsyncListener() {
          @Override
          public void onComplete(jakarta.servlet.AsyncEvent e) {
            stop[0].run();
          }

          @Override
          public void onTimeout(jakarta.servlet.AsyncEvent e) {
            stop[0].run();
            e.getAsyncContext().complete();
          }

          @Override
          public void onError(jakarta.servlet.AsyncEvent e) {
            stop[0].run();
          }

          @Override
          public void onStartAsync(jakarta.servlet.AsyncEvent e) {}
        });
  }

  private static Map<String, String> headers(HttpServletRequest req) {
    Map<String, String> out = new HashMap<>();
    for (String name : java.util.Collections.list(req.getHeaderNames())) {
      if (!name.equalsIgnoreCase("cookie") && !name.equalsIgnoreCase("authorization")) {
        out.put(name.toLowerCase(java.util.Locale.ROOT), req.getHeader(name));
      }
    }
    return out;
  }

  /** The body of a non-form request as text, at most 1 MiB. */
  private static String body(HttpServletRequest req) throws IOException {
    String type = req.getContentType();
    if (type == null || type.startsWith("application/x-www-form-urlencoded")) {
      return "";
    }
    byte[] b = req.getInputStream().readNBytes(1 << 20);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

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
    if (!entitlements.enabledFor(t.id()).contains(id)) {
      res.sendError(404);
      return;
    }
    String rest = "/" + (parts.length > 2 ? parts[2] : "");
    if (rest.startsWith("/assets/") && req.getMethod().equals("GET")) {
      asset(id, rest.substring(1), res);
      return;
    }
    if (rest.startsWith("/push/") && req.getMethod().equals("GET")) {
      stream(t, id, rest.substring(6), req, res);
      return;
    }
    Map<String, String> params = new HashMap<>();
    req.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
    var principal = staff(req);
    PluginRequest request =
        new PluginRequest(
            req.getMethod(),
            rest,
            params,
            platform.baseUrl(t.primaryHost()),
            principal.map(p -> p.roleIn(t.slug())).map(r -> r.groupName()).orElse(null),
            principal.filter(p -> p.roleIn(t.slug()) != null).map(p -> p.email()).orElse(null),
            headers(req),
            body(req));
    long start = System.nanoTime();
    String failure = null;
    try {
      // Under the host's read lock: an upgrade waits for this call, and this call never meets a
      // half-swapped plugin.
      PluginResponse r =
          host.reading(
              () -> {
                List<PluginEndpoint> endpoints = host.endpoints(id);
                if (endpoints.isEmpty()) {
                  return null;
                }
                try {
                  return endpoints.get(0).handle(request, dispatcher.contextFor(t, id));
                } catch (Exception e) {
                  throw new PluginFailure(e);
                }
              });
      if (r == null) {
        res.sendError(404);
        return;
      }
      res.setStatus(r.status());
      res.setContentType(r.contentType());
      String location = r.headers().get("Location");
      if (location != null && location.startsWith("/") && !location.startsWith("//")) {
        res.setHeader("Location", location); // same-site redirects only
      }
      String cache = r.headers().get("Cache-Control");
      if (cache != null) {
        res.setHeader("Cache-Control", cache);
      }
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.getOutputStream().write(r.body());
    } catch (PluginFailure e) {
      failure = "HTTP " + request.method() + " " + request.path() + ": " + e.getCause();
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
