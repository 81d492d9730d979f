package io.marquee.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer of the platform (promoter, venue, expo organiser) with its own schema, domains and
 * brand.
 */
@Entity
@Table(name = "tenant", schema = "platform")
public class Tenant {
  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(nullable = false)
  private String currency;

  @Column(nullable = false)
  private String locale;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(nullable = false)
  private String theme;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TenantStatus status;

  @Column(name = "keycloak_org_id")
  private String keycloakOrgId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Tenant() {}

  public Tenant(
      String slug,
      String displayName,
      String currency,
      String locale,
      String timeZone,
      String theme) {
    this.id = UUID.randomUUID();
    this.slug = slug;
    this.displayName = displayName;
    this.currency = currency;
    this.locale = locale;
    this.timeZone = timeZone;
    this.theme = theme;
    this.status = TenantStatus.PROVISIONING;
    this.createdAt = Instant.now();
  }

  /** The PostgreSQL schema holding this tenant's business data. */
  public static String schemaOf(String slug) {
    return "tenant_" + slug.replace('-', '_');
  }

  public String schema() {
    return schemaOf(slug);
  }

  public void activate(String organizationId) {
    this.keycloakOrgId = organizationId;
    this.status = TenantStatus.ACTIVE;
  }

  public void suspend() {
    this.status = TenantStatus.SUSPENDED;
  }

  public void resume() {
    this.status = TenantStatus.ACTIVE;
  }

  public UUID getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getCurrency() {
    return currency;
  }

  public String getLocale() {
    return locale;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }

  public TenantStatus getStatus() {
    return status;
  }

  public String getKeycloakOrgId() {
    return keycloakOrgId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
