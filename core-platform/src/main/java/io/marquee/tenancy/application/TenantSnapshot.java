package io.marquee.tenancy.application;

import io.marquee.tenancy.domain.Tenant;
import io.marquee.tenancy.domain.TenantStatus;
import java.io.Serializable;
import java.util.UUID;

/** Immutable view of a tenant, cheap to cache cluster-wide and to carry through a request. */
public record TenantSnapshot(
    UUID id,
    String slug,
    String displayName,
    String currency,
    String locale,
    String timeZone,
    TenantStatus status,
    String primaryHost,
    String organizationId)
    implements Serializable {

  public static TenantSnapshot of(Tenant t, String primaryHost) {
    return new TenantSnapshot(
        t.getId(),
        t.getSlug(),
        t.getDisplayName(),
        t.getCurrency(),
        t.getLocale(),
        t.getTimeZone(),
        t.getStatus(),
        primaryHost,
        t.getKeycloakOrgId());
  }

  public String schema() {
    return Tenant.schemaOf(slug);
  }

  public boolean suspended() {
    return status == TenantStatus.SUSPENDED;
  }
}
