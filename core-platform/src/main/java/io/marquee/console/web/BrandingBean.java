package io.marquee.console.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.tenancy.application.AuditTrail;
import io.marquee.tenancy.application.BrandingService;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantProvisioningService;
import io.marquee.tenancy.application.TenantRecords;
import io.marquee.tenancy.application.ThemeCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/** Console › Branding: theme, colours, logo and custom domains. */
@Named("console.branding")
@ViewScoped
public class BrandingBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient BrandingService branding;
  @Inject transient ThemeCatalog themes;
  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;
  @Inject transient TenantProvisioningService provisioning;
  @Inject transient TenantRecords records;
  @Inject transient AuditTrail audit;

  private String theme;
  private String primaryColor;
  private String accentColor;
  private String backgroundColor;
  private String textColor;
  private String newDomain;

  @PostConstruct
  void load() {
    var b = branding.current();
    theme = b.theme();
    primaryColor = strip(b.primaryColor());
    accentColor = strip(b.accentColor());
    backgroundColor = strip(b.backgroundColor());
    textColor = strip(b.textColor());
  }

  /** WCAG 2.1 AA checks of the colours as the storefront uses them (4.5:1 for normal text). */
  static java.util.List<String> contrastWarnings(
      io.marquee.tenancy.application.BrandingService.Brand b) {
    java.util.List<String> out = new java.util.ArrayList<>();
    check(out, "Text", b.textColor(), "background", b.backgroundColor());
    check(out, "Links (accent)", b.accentColor(), "background", b.backgroundColor());
    return out;
  }

  private static void check(
      java.util.List<String> out, String fg, String fgHex, String bg, String bgHex) {
    try {
      double r = io.marquee.tenancy.domain.Contrast.ratio(fgHex, bgHex);
      if (r < io.marquee.tenancy.domain.Contrast.AA_TEXT) {
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "%s on %s is %.2f:1; WCAG AA asks for 4.5:1, so some visitors cannot read it",
                fg,
                bg,
                r));
      }
    } catch (RuntimeException e) {
      // a colour the theme leaves unset: nothing to compare
    }
  }

  public void save() {
    try {
      caller.require(Permission.MANAGE_BRANDING);
      branding.restyle(
          theme, hash(primaryColor), hash(accentColor), hash(backgroundColor), hash(textColor));
      audit.record(caller.actor(), "branding.updated", "theme " + theme);
      Messages.info("Branding saved");
      contrastWarnings(branding.current()).forEach(Messages::warn);
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public void upload(FileUploadEvent event) {
    try {
      caller.require(Permission.MANAGE_BRANDING);
      byte[] bytes = event.getFile().getContent();
      branding.replaceLogo(bytes);
      audit.record(caller.actor(), "branding.logo", bytes.length + " bytes");
      Messages.info("Logo updated");
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public List<String> getDomains() {
    return records.hostsOf(tenant.require().id());
  }

  public void addDomain() {
    try {
      caller.require(Permission.MANAGE_BRANDING);
      provisioning.addDomain(tenant.require().slug(), newDomain);
      audit.record(caller.actor(), "domain.added", newDomain);
      Messages.info("Domain " + newDomain + " added");
      newDomain = null;
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public void removeDomain(String host) {
    try {
      caller.require(Permission.MANAGE_BRANDING);
      provisioning.removeDomain(tenant.require().slug(), host);
      audit.record(caller.actor(), "domain.removed", host);
      Messages.info("Domain " + host + " removed");
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  /** PrimeFaces' colour picker works without '#'; the service stores #rrggbb. */
  private static String hash(String c) {
    return c == null || c.isBlank() ? null : (c.startsWith("#") ? c : "#" + c);
  }

  private static String strip(String c) {
    return c == null ? null : c.replace("#", "");
  }

  public List<String> getThemes() {
    return themes.ids();
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }

  public String getPrimaryColor() {
    return primaryColor;
  }

  public void setPrimaryColor(String primaryColor) {
    this.primaryColor = primaryColor;
  }

  public String getAccentColor() {
    return accentColor;
  }

  public void setAccentColor(String accentColor) {
    this.accentColor = accentColor;
  }

  public String getBackgroundColor() {
    return backgroundColor;
  }

  public void setBackgroundColor(String backgroundColor) {
    this.backgroundColor = backgroundColor;
  }

  public String getTextColor() {
    return textColor;
  }

  public void setTextColor(String textColor) {
    this.textColor = textColor;
  }

  public String getNewDomain() {
    return newDomain;
  }

  public void setNewDomain(String newDomain) {
    this.newDomain = newDomain;
  }
}
