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
  @Inject io.marquee.tenancy.application.PlatformSettings platform;

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

  public BrandingService.Brand getBrand() {
    return branding.current();
  }

  public String getLanguage() {
    return tenant.current().map(TenantSnapshot::locale).orElse("en");
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(getLanguage());
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
    return branding.current().version();
  }
}
