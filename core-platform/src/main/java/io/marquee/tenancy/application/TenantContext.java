package io.marquee.tenancy.application;

import io.marquee.common.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The tenant of the current request, resolved once (from the Host) by the tenant filter. Empty on
 * the platform host. Everything tenant-scoped (JPA, caches, logs, later jobs and plugins) reads it
 * from here.
 */
@RequestScoped
public class TenantContext {
  private TenantSnapshot tenant;

  public void set(TenantSnapshot tenant) {
    this.tenant = tenant;
  }

  public Optional<TenantSnapshot> current() {
    return Optional.ofNullable(tenant);
  }

  /** The tenant, or 404: tenant-scoped operations are only reachable on a tenant's own domain. */
  public TenantSnapshot require() {
    if (tenant == null) {
      throw ProblemException.notFound("This resource exists only on a tenant's domain");
    }
    return tenant;
  }
}
