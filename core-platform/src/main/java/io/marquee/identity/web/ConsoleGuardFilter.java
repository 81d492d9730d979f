package io.marquee.identity.web;

import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.identity.domain.StaffPrincipal;
import io.marquee.identity.domain.StaffRole;
import io.marquee.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Guards the tenant console (/console, tenant domains only) and the operator console (/operator,
 * platform host only): unauthenticated browsers are sent to sign in; signed-in people without a
 * role here get 403.
 */
@WebFilter(
    filterName = "consoleGuard",
    urlPatterns = {"/console/*", "/operator/*"})
public class ConsoleGuardFilter extends HttpFilter {
  @Inject TenantContext tenant;
  @Inject Caller caller;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    boolean operatorArea = req.getRequestURI().startsWith("/operator");
    if (operatorArea == tenant.current().isPresent()) {
      res.sendError(404);
      return;
    }
    Optional<StaffPrincipal> principal = ConsoleSession.principal(req);
    if (principal.isEmpty()) {
      String next =
          req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
      res.sendRedirect("/auth/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      return;
    }
    if (operatorArea) {
      if (!principal.get().operator()) {
        res.sendError(403, "Only platform operators may use this console.");
        return;
      }
      caller.asStaff(principal.get(), null);
    } else {
      StaffRole role = principal.get().roleIn(tenant.current().get().slug());
      if (role == null || !role.allows(Permission.VIEW_DASHBOARD)) {
        res.sendError(403, "This account has no access to this console.");
        return;
      }
      caller.asStaff(principal.get(), role);
    }
    res.setHeader("Cache-Control", "no-store");
    chain.doFilter(req, res);
  }
}
