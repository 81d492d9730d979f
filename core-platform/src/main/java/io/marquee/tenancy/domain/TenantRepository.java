package io.marquee.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenants and their domains, in the platform schema. */
public interface TenantRepository {
  Optional<Tenant> findBySlug(String slug);

  Optional<Tenant> findById(UUID id);

  Optional<Tenant> findByHost(String host);

  List<Tenant> findAll();

  List<TenantDomain> domainsOf(UUID tenantId);

  Optional<TenantDomain> findDomain(String host);

  void add(Tenant tenant);

  void addDomain(TenantDomain domain);

  void removeDomain(TenantDomain domain);

  /** Removes a tenant that never finished provisioning, with its domains. */
  void purge(Tenant tenant);
}
