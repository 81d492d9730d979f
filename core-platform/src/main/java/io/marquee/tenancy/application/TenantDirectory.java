package io.marquee.tenancy.application;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.marquee.common.infrastructure.HazelcastMember;
import io.marquee.tenancy.domain.Tenant;
import io.marquee.tenancy.domain.TenantDomain;
import io.marquee.tenancy.domain.TenantRepository;
import io.marquee.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Host name to tenant, cached cluster-wide in Hazelcast. Any change to a tenant's domains or status
 * evicts its hosts, so every node sees the change on its next request.
 */
@ApplicationScoped
public class TenantDirectory {
  @Inject TenantRepository tenants;
  @Inject HazelcastInstance hazelcast;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TenantSnapshot> findByHost(String rawHost) {
    String host = rawHost.toLowerCase(Locale.ROOT);
    TenantSnapshot cached = cache().get(host);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<TenantSnapshot> loaded = tenants.findByHost(host).flatMap(this::snapshot);
    loaded.ifPresent(s -> cache().set(host, s));
    return loaded;
  }

  /** For work outside a request (jobs): the tenant by slug, uncached. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TenantSnapshot> findBySlug(String slug) {
    return tenants.findBySlug(slug).flatMap(this::snapshot);
  }

  Optional<TenantSnapshot> snapshot(Tenant t) {
    if (t.getStatus() == TenantStatus.PROVISIONING) {
      return Optional.empty();
    }
    List<TenantDomain> domains = tenants.domainsOf(t.getId());
    String primary =
        domains.stream()
            .filter(TenantDomain::isPrimary)
            .findFirst()
            .map(TenantDomain::getHost)
            .orElse(null);
    return Optional.of(TenantSnapshot.of(t, primary));
  }

  /** Evicts the given hosts on every node. */
  public void evict(List<String> hosts) {
    hosts.forEach(h -> cache().delete(h.toLowerCase(Locale.ROOT)));
  }

  private IMap<String, TenantSnapshot> cache() {
    return hazelcast.getMap(HazelcastMember.TENANT_BY_HOST);
  }
}
