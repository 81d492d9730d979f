package io.marquee.tenancy.infrastructure;

import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.domain.TenantSchema;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.Map;

/**
 * The entity manager for the current request's tenant schema. EclipseLink binds TABLE_PER_TENANT
 * entities to the schema given when the manager is created, so one manager per request and tenant;
 * it joins the caller's JTA transaction on every use. Entities of this manager live in its own
 * (isolated) cache, never the shared one.
 */
@RequestScoped
public class TenantEntityManager {
  @PersistenceUnit(unitName = "marquee")
  EntityManagerFactory emf;

  @Inject TenantContext tenant;

  private EntityManager em;
  private String schema;

  public EntityManager get() {
    String wanted = tenant.require().schema();
    if (em == null || !wanted.equals(schema)) {
      close();
      em = emf.createEntityManager(Map.of(TenantSchema.PROPERTY, wanted));
      schema = wanted;
    }
    em.joinTransaction();
    return em;
  }

  @PreDestroy
  void close() {
    if (em != null && em.isOpen()) {
      em.close();
    }
    em = null;
  }
}
