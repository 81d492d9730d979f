package io.marquee.tenancy.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** A tenant's brand: its theme and colour overrides and its logo. One row per tenant schema. */
@Entity
@Table(name = "branding")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = TenantSchema.PROPERTY)
public class Branding {
  public static final int SINGLETON_ID = 1;

  @Id private int id = SINGLETON_ID;

  @Column(nullable = false)
  private String theme;

  @Column(name = "primary_color")
  private String primaryColor;

  @Column(name = "accent_color")
  private String accentColor;

  @Column(name = "background_color")
  private String backgroundColor;

  @Column(name = "text_color")
  private String textColor;

  @Basic(fetch = FetchType.LAZY)
  private byte[] logo;

  @Column(name = "logo_content_type")
  private String logoContentType;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Branding() {}

  public Branding(String theme) {
    this.theme = theme;
    this.updatedAt = Instant.now();
  }

  public void restyle(String theme, String primary, String accent, String background, String text) {
    this.theme = theme;
    this.primaryColor = primary;
    this.accentColor = accent;
    this.backgroundColor = background;
    this.textColor = text;
    this.updatedAt = Instant.now();
  }

  public void replaceLogo(byte[] image, String contentType) {
    this.logo = image;
    this.logoContentType = contentType;
    this.updatedAt = Instant.now();
  }

  public String getTheme() {
    return theme;
  }

  public String getPrimaryColor() {
    return primaryColor;
  }

  public String getAccentColor() {
    return accentColor;
  }

  public String getBackgroundColor() {
    return backgroundColor;
  }

  public String getTextColor() {
    return textColor;
  }

  public byte[] getLogo() {
    return logo;
  }

  public String getLogoContentType() {
    return logoContentType;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
