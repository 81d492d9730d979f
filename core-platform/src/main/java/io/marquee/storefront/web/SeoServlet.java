package io.marquee.storefront.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Event;
import io.marquee.tenancy.application.PlatformSettings;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-tenant robots.txt and sitemap.xml, with every URL on the tenant's primary domain, so search
 * engines index each brand's events under its own name and never the console or order pages.
 */
@WebServlet(urlPatterns = {"/robots.txt", "/sitemap.xml"})
public class SeoServlet extends HttpServlet {
  @Inject TenantContext tenant;
  @Inject CatalogService catalog;
  @Inject PlatformSettings platform;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<TenantSnapshot> t = tenant.current();
    res.setCharacterEncoding("UTF-8");
    if (t.isEmpty()) {
      res.setContentType("text/plain");
      res.getWriter().write("User-agent: *\nDisallow: /\n");
      return;
    }
    String base = platform.baseUrl(t.get().primaryHost());
    if (req.getServletPath().equals("/robots.txt")) {
      res.setContentType("text/plain");
      res.getWriter()
          .write(
              "User-agent: *\nAllow: /\nDisallow: /console/\nDisallow: /order.xhtml\nDisallow: /pay/\n"
                  + "Disallow: /api/\nDisallow: /account/\nSitemap: "
                  + base
                  + "/sitemap.xml\n");
      return;
    }
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
            .append("  <url><loc>")
            .append(base)
            .append("/</loc></url>\n");
    Instant now = Instant.now();
    for (Event e : catalog.publicEvents(t.get(), 1000, 0)) {
      if (e.endOrStart().isAfter(now)) {
        xml.append("  <url><loc>")
            .append(base)
            .append("/event.xhtml?e=")
            .append(e.slug())
            .append("</loc></url>\n");
      }
    }
    var store = catalog.store(t.get());
    for (var v : store.venues()) {
      xml.append("  <url><loc>")
          .append(base)
          .append("/venue.xhtml?v=")
          .append(v.id())
          .append("</loc></url>\n");
    }
    for (var o : store.organisers()) {
      xml.append("  <url><loc>")
          .append(base)
          .append("/organiser.xhtml?o=")
          .append(o.slug())
          .append("</loc></url>\n");
    }
    res.setContentType("application/xml");
    res.getWriter().write(xml.append("</urlset>\n").toString());
  }
}
