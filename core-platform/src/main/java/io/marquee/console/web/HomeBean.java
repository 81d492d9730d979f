package io.marquee.console.web;

import io.marquee.tenancy.application.BrandingService;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The branded home page of a tenant's site (the storefront grows from here), or the platform's own
 * page.
 */
@Named("store.home")
@RequestScoped
public class HomeBean {
  @Inject TenantContext tenant;
  @Inject BrandingService branding;
  private BrandingService.Brand brand;
  private Locale locale;
  @Inject io.marquee.tenancy.application.PlatformSettings platform;

  /**
   * Marks a page without forms stateless (view action, before rendering): no view state and no
   * session for visitors who only browse. With sessions, every anonymous page view cost memory.
   */
  public void stateless() {
    jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().setTransient(true);
  }

  public boolean isTenantSite() {
    return tenant.current().isPresent();
  }

  /** The tenant's name on its own site, "Marquee" on the platform's host. */
  public String getSiteName() {
    return tenant.current().map(TenantSnapshot::displayName).orElse("Marquee");
  }

  public String getCanonical() {
    return platform.baseUrl(tenant.require().primaryHost()) + "/";
  }

  public TenantSnapshot getTenant() {
    return tenant.require();
  }

  /** Read once per request: a page asks for the brand several times. */
  public BrandingService.Brand getBrand() {
    if (brand == null) {
      brand = branding.current();
    }
    return brand;
  }

  public String getLanguage() {
    return tenant.current().map(TenantSnapshot::locale).orElse("en");
  }

  public Locale getLocale() {
    if (locale == null) {
      locale = Locale.forLanguageTag(getLanguage());
    }
    return locale;
  }

  /** Today's date in the tenant's zone and locale, as visitors expect to read it. */
  public String getToday() {
    TenantSnapshot t = tenant.require();
    return ZonedDateTime.now(ZoneId.of(t.timeZone()))
        .format(
            DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(Locale.forLanguageTag(t.locale())));
  }

  /** Cache-busting version for the brand stylesheet and logo. */
  public long getBrandVersion() {
    return getBrand().version();
  }
}
