package io.marquee.tenancy.domain;

/**
 * Lifecycle of a tenant. A PROVISIONING tenant is not yet served; a SUSPENDED one is refused but
 * keeps its data.
 */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  SUSPENDED
}
