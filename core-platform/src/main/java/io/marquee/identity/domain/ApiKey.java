package io.marquee.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An integrator's key for one tenant. Only a SHA-256 hash of the secret is stored; the key is
 * looked up by its public prefix, so verifying it never scans other tenants' keys.
 */
@Entity
@Table(name = "api_key", schema = "platform")
public class ApiKey {
  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false, unique = true)
  private String prefix;

  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ApiKeyScope scope;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiKey() {}

  public ApiKey(
      UUID tenantId,
      String name,
      String prefix,
      String secretHash,
      ApiKeyScope scope,
      String createdBy) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.name = name;
    this.prefix = prefix;
    this.secretHash = secretHash;
    this.scope = scope;
    this.createdBy = createdBy;
    this.createdAt = Instant.now();
  }

  public boolean isActive() {
    return revokedAt == null;
  }

  public void revoke() {
    if (revokedAt == null) {
      revokedAt = Instant.now();
    }
  }

  public void markUsed(Instant when) {
    lastUsedAt = when;
  }

  public UUID getId() {
    return id;
  }

  public UUID getTenantId() {
    return tenantId;
  }

  public String getName() {
    return name;
  }

  public String getPrefix() {
    return prefix;
  }

  public String getSecretHash() {
    return secretHash;
  }

  public ApiKeyScope getScope() {
    return scope;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }
}
