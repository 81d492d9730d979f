package io.marquee.tenancy.application;

import com.hazelcast.core.HazelcastInstance;
import io.marquee.common.infrastructure.HazelcastMember;
import io.marquee.common.problem.ProblemException;
import io.marquee.tenancy.domain.Branding;
import io.marquee.tenancy.infrastructure.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Properties;

/**
 * The current tenant's brand: theme, colours and logo, cached cluster-wide and evicted on change.
 */
@ApplicationScoped
@Transactional
public class BrandingService {
  public static final int MAX_LOGO_BYTES = 512 * 1024;

  @Inject TenantEntityManager db;
  @Inject TenantContext tenant;
  @Inject ThemeCatalog themes;
  @Inject HazelcastInstance hazelcast;

  /** Effective brand: the theme's defaults with the tenant's overrides on top. */
  public record Brand(
      String tenantName,
      String theme,
      String primaryColor,
      String accentColor,
      String backgroundColor,
      String textColor,
      boolean hasLogo,
      String logoContentType,
      long version)
      implements Serializable {}

  public Brand current() {
    String slug = tenant.require().slug();
    Brand cached = cache().get(slug);
    if (cached != null) {
      return cached;
    }
    Brand brand = load();
    cache().set(slug, brand);
    return brand;
  }

  private Brand load() {
    Branding b = row();
    Properties theme = themes.properties(b.getTheme());
    return new Brand(
        tenant.require().displayName(),
        b.getTheme(),
        or(b.getPrimaryColor(), theme.getProperty("primaryColor")),
        or(b.getAccentColor(), theme.getProperty("accentColor")),
        or(b.getBackgroundColor(), theme.getProperty("backgroundColor")),
        or(b.getTextColor(), theme.getProperty("textColor")),
        b.getLogo() != null,
        b.getLogoContentType(),
        b.getUpdatedAt().toEpochMilli());
  }

  public Brand restyle(
      String theme, String primary, String accent, String background, String text) {
    if (!themes.exists(theme)) {
      throw ProblemException.invalid(
          "theme", "unknown theme " + theme + "; one of " + themes.ids());
    }
    row()
        .restyle(
            theme,
            TenantRules.color("primaryColor", primary),
            TenantRules.color("accentColor", accent),
            TenantRules.color("backgroundColor", background),
            TenantRules.color("textColor", text));
    db.get().flush();
    evict();
    return load();
  }

  /** Accepts PNG, JPEG or WebP up to 512 KiB, checked by content, not by the declared type. */
  public Brand replaceLogo(byte[] image) {
    if (image == null || image.length == 0) {
      throw ProblemException.invalid("logo", "the logo file is empty");
    }
    if (image.length > MAX_LOGO_BYTES) {
      throw ProblemException.tooLarge("logo", "the logo must be at most 512 KiB");
    }
    String type = sniffImageType(image);
    if (type == null) {
      throw ProblemException.unsupportedMedia("logo", "the logo must be a PNG, JPEG or WebP image");
    }
    row().replaceLogo(image, type);
    db.get().flush();
    evict();
    return load();
  }

  public byte[] logo() {
    return row().getLogo();
  }

  static String sniffImageType(byte[] b) {
    if (b.length > 8
        && Arrays.equals(
            Arrays.copyOf(b, 8), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return "image/png";
    }
    if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length > 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  private Branding row() {
    Branding b = db.get().find(Branding.class, Branding.SINGLETON_ID);
    if (b == null) {
      throw new IllegalStateException("tenant " + tenant.require().slug() + " has no branding row");
    }
    return b;
  }

  private void evict() {
    cache().delete(tenant.require().slug());
  }

  private com.hazelcast.map.IMap<String, Brand> cache() {
    return hazelcast.getMap(HazelcastMember.BRAND_BY_TENANT);
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
