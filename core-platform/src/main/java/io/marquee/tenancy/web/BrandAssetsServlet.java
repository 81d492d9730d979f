package io.marquee.tenancy.web;

import io.marquee.tenancy.application.BrandingService;
import io.marquee.tenancy.application.PlatformSettings;
import io.marquee.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The tenant's brand as assets: {@code /brand/brand.css} (colour variables over the theme), {@code
 * /brand/logo} (uploaded logo or the theme's), and {@code /brand/login.css}, which the Keycloak
 * login theme loads from the tenant's origin so that sign-in pages carry the tenant's name, logo
 * and colours.
 */
@WebServlet(urlPatterns = {"/brand/brand.css", "/brand/logo", "/brand/login.css"})
public class BrandAssetsServlet extends HttpServlet {
  @Inject TenantContext tenant;
  @Inject BrandingService branding;
  @Inject PlatformSettings platform;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (tenant.current().isEmpty()) {
      res.sendError(404);
      return;
    }
    BrandingService.Brand brand = branding.current();
    switch (req.getServletPath()) {
      case "/brand/logo" -> logo(brand, res);
      case "/brand/login.css" -> css(res, loginCss(brand, req));
      default -> css(res, variables(brand));
    }
  }

  private void logo(BrandingService.Brand brand, HttpServletResponse res) throws IOException {
    if (!brand.hasLogo()) {
      res.sendRedirect("/themes/" + brand.theme() + "/logo.svg");
      return;
    }
    byte[] bytes = branding.logo();
    res.setContentType(brand.logoContentType());
    res.setHeader("Cache-Control", "public, max-age=60");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setContentLength(bytes.length);
    res.getOutputStream().write(bytes);
  }

  static String variables(BrandingService.Brand b) {
    return ":root{--brand-primary:"
        + b.primaryColor()
        + ";--brand-accent:"
        + b.accentColor()
        + ";--brand-bg:"
        + b.backgroundColor()
        + ";--brand-text:"
        + b.textColor()
        + ";--brand-on-primary:"
        + onPrimary(b.primaryColor())
        + ";}\n";
  }

  /** Black or white, whichever reads better on the tenant's primary colour (WCAG contrast). */
  static String onPrimary(String primary) {
    try {
      return io.marquee.tenancy.domain.Contrast.textOn(primary);
    } catch (RuntimeException e) {
      return "#ffffff";
    }
  }

  /**
   * Custom properties read by the Keycloak login theme "marquee"
   * (core-platform/ops/keycloak/NOTES.md).
   */
  private String loginCss(BrandingService.Brand b, HttpServletRequest req) {
    String origin = platform.baseUrl(req.getServerName());
    String name = b.tenantName().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\a ");
    return ":root{--marquee-brand-primary:"
        + b.primaryColor()
        + ";--marquee-brand-primary-hover:"
        + b.primaryColor()
        + ";--marquee-brand-on-primary:"
        + onPrimary(b.primaryColor())
        + ";--marquee-brand-accent:"
        + b.accentColor()
        + ";--marquee-brand-page-bg:"
        + b.backgroundColor()
        // The header sits on the page background or the card depending on the page: the primary
        // colour reads on both.
        + ";--marquee-brand-header-color:"
        + b.primaryColor()
        + ";--marquee-brand-logo:url(\""
        + origin
        + "/brand/logo?v="
        + b.version()
        + "\");--marquee-brand-logo-width:160px;--marquee-brand-logo-height:48px;--marquee-brand-name:\""
        + name
        + "\";}\n";
  }

  private static void css(HttpServletResponse res, String body) throws IOException {
    res.setContentType("text/css");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "no-cache");
    res.getWriter().write(body);
  }
}
