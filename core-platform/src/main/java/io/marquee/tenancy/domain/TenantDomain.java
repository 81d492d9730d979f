package io.marquee.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A host name that serves one tenant's site. A host belongs to at most one tenant (primary key).
 */
@Entity
@Table(name = "tenant_domain", schema = "platform")
public class TenantDomain {
  @Id private String host;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(name = "is_primary", nullable = false)
  private boolean primary;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected TenantDomain() {}

  public TenantDomain(String host, UUID tenantId, boolean primary) {
    this.host = host;
    this.tenantId = tenantId;
    this.primary = primary;
    this.createdAt = Instant.now();
  }

  public String getHost() {
    return host;
  }

  public UUID getTenantId() {
    return tenantId;
  }

  public boolean isPrimary() {
    return primary;
  }
}
