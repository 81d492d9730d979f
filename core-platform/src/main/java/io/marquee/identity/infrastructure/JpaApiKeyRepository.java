package io.marquee.identity.infrastructure;

import io.marquee.identity.domain.ApiKey;
import io.marquee.identity.domain.ApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {
  @PersistenceContext(unitName = "marquee")
  EntityManager em;

  @Override
  public Optional<ApiKey> findByPrefix(String prefix) {
    return em.createQuery("select k from ApiKey k where k.prefix = :p", ApiKey.class)
        .setParameter("p", prefix)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ApiKey> findForTenant(UUID tenantId, UUID keyId) {
    return Optional.ofNullable(em.find(ApiKey.class, keyId))
        .filter(k -> k.getTenantId().equals(tenantId));
  }

  @Override
  public List<ApiKey> listForTenant(UUID tenantId) {
    return em.createQuery(
            "select k from ApiKey k where k.tenantId = :t order by k.createdAt desc", ApiKey.class)
        .setParameter("t", tenantId)
        .getResultList();
  }

  @Override
  public void add(ApiKey key) {
    em.persist(key);
  }
}
