package io.marquee.tenancy.infrastructure;

import io.marquee.tenancy.domain.Tenant;
import io.marquee.tenancy.domain.TenantDomain;
import io.marquee.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {
  @PersistenceContext(unitName = "marquee")
  EntityManager em;

  @Override
  public Optional<Tenant> findBySlug(String slug) {
    return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Tenant> findById(UUID id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  @Override
  public Optional<Tenant> findByHost(String host) {
    return findDomain(host).flatMap(d -> findById(d.getTenantId()));
  }

  @Override
  public List<Tenant> findAll() {
    return em.createQuery("select t from Tenant t order by t.slug", Tenant.class).getResultList();
  }

  @Override
  public List<TenantDomain> domainsOf(UUID tenantId) {
    return em.createQuery(
            "select d from TenantDomain d where d.tenantId = :t order by d.primary desc, d.host",
            TenantDomain.class)
        .setParameter("t", tenantId)
        .getResultList();
  }

  @Override
  public Optional<TenantDomain> findDomain(String host) {
    return Optional.ofNullable(em.find(TenantDomain.class, host));
  }

  @Override
  public void add(Tenant tenant) {
    em.persist(tenant);
  }

  @Override
  public void addDomain(TenantDomain domain) {
    em.persist(domain);
  }

  @Override
  public void removeDomain(TenantDomain domain) {
    em.remove(em.contains(domain) ? domain : em.merge(domain));
  }

  @Override
  public void purge(Tenant tenant) {
    em.createQuery("delete from TenantDomain d where d.tenantId = :t")
        .setParameter("t", tenant.getId())
        .executeUpdate();
    em.remove(em.contains(tenant) ? tenant : em.merge(tenant));
  }
}
