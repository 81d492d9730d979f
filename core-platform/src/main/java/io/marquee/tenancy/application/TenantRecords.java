package io.marquee.tenancy.application;

import io.marquee.common.problem.ProblemException;
import io.marquee.tenancy.domain.Tenant;
import io.marquee.tenancy.domain.TenantDomain;
import io.marquee.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The transactional steps on platform rows that provisioning and domain changes are built from. */
@ApplicationScoped
@Transactional
public class TenantRecords {
  @Inject TenantRepository tenants;

  public Optional<Tenant> bySlug(String slug) {
    return tenants.findBySlug(slug);
  }

  public List<String> hostsOf(UUID tenantId) {
    return tenants.domainsOf(tenantId).stream().map(TenantDomain::getHost).toList();
  }

  public Tenant createPending(Tenant tenant, List<String> hosts) {
    for (String host : hosts) {
      tenants
          .findDomain(host)
          .ifPresent(
              d -> {
                throw ProblemException.conflict(
                    "domains", "domain " + host + " already belongs to another tenant");
              });
    }
    tenants.add(tenant);
    for (int i = 0; i < hosts.size(); i++) {
      tenants.addDomain(new TenantDomain(hosts.get(i), tenant.getId(), i == 0));
    }
    return tenant;
  }

  public Tenant activate(UUID id, String organizationId) {
    Tenant t = tenants.findById(id).orElseThrow();
    t.activate(organizationId);
    return t;
  }

  public Tenant suspend(String slug) {
    Tenant t =
        tenants.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("no tenant " + slug));
    t.suspend();
    return t;
  }

  public Tenant resume(String slug) {
    Tenant t =
        tenants.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("no tenant " + slug));
    t.resume();
    return t;
  }

  public void addDomain(UUID tenantId, String host) {
    Optional<TenantDomain> existing = tenants.findDomain(host);
    if (existing.isPresent()) {
      if (existing.get().getTenantId().equals(tenantId)) {
        return;
      }
      throw ProblemException.conflict(
          "host", "domain " + host + " already belongs to another tenant");
    }
    tenants.addDomain(new TenantDomain(host, tenantId, false));
  }

  public void removeDomain(UUID tenantId, String host) {
    TenantDomain d =
        tenants
            .findDomain(host)
            .filter(x -> x.getTenantId().equals(tenantId))
            .orElseThrow(
                () -> ProblemException.notFound("domain " + host + " is not one of this tenant's"));
    if (d.isPrimary()) {
      throw ProblemException.invalid("host", "the tenant's platform subdomain cannot be removed");
    }
    tenants.removeDomain(d);
  }

  public void purge(UUID id) {
    tenants.findById(id).ifPresent(tenants::purge);
  }

  public List<Tenant> all() {
    return tenants.findAll();
  }
}
