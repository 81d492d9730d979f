package io.marquee.tenancy.domain;

/**
 * The EclipseLink context property that selects a tenant's schema for TABLE_PER_TENANT entities.
 */
public final class TenantSchema {
  public static final String PROPERTY = "marquee.tenant-schema";

  private TenantSchema() {}
}
