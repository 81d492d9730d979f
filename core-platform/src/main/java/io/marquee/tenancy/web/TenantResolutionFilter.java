package io.marquee.tenancy.web;

import io.marquee.common.web.Problems;
import io.marquee.tenancy.application.PlatformSettings;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantDirectory;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves the tenant once per request from the Host: the platform host has no tenant, a registered
 * domain has exactly one, anything else is a 404 page. Suspended tenants get 503.
 */
@WebFilter(filterName = "tenantResolution", urlPatterns = "/*", asyncSupported = true)
public class TenantResolutionFilter extends HttpFilter {
  @Inject TenantDirectory directory;
  @Inject TenantContext context;
  @Inject PlatformSettings platform;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI();
    if (path.startsWith("/health") || path.startsWith("/metrics") || path.startsWith("/openapi")) {
      chain.doFilter(req, res);
      return;
    }
    String host = req.getServerName().toLowerCase(Locale.ROOT);
    if (host.equals(platform.platformHost())) {
      chain.doFilter(req, res);
      return;
    }
    Optional<TenantSnapshot> tenant = directory.findByHost(host);
    if (tenant.isEmpty()) {
      refuse(req, res, 404, "Unknown site", "No site is registered for the host " + host + ".");
      return;
    }
    if (tenant.get().suspended()) {
      refuse(
          req,
          res,
          503,
          "Site suspended",
          tenant.get().displayName() + " is temporarily unavailable.");
      return;
    }
    context.set(tenant.get());
    // Liberty's JSON messages.log records the thread name (ext_thread) on every line: naming the
    // tenant there
    // puts it on everything logged while this request runs, ours and the container's alike.
    Thread thread = Thread.currentThread();
    String name = thread.getName();
    thread.setName(name + " tenant=" + tenant.get().slug());
    try {
      chain.doFilter(req, res);
    } finally {
      thread.setName(name);
    }
  }

  private static void refuse(
      HttpServletRequest req, HttpServletResponse res, int status, String title, String detail)
      throws IOException {
    String accept = req.getHeader("Accept");
    if (req.getRequestURI().startsWith("/api/") || (accept != null && accept.contains("json"))) {
      Problems.write(res, status, title, detail);
      return;
    }
    res.setStatus(status);
    res.setContentType("text/html");
    res.setCharacterEncoding("UTF-8");
    res.getWriter()
        .write(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + title
                + "</title><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"></head>"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem\">"
                + "<h1>"
                + title
                + "</h1><p>"
                + escape(detail)
                + "</p></body></html>");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
