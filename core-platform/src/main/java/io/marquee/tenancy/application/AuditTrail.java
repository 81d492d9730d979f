package io.marquee.tenancy.application;

import io.marquee.common.problem.ProblemException;
import io.marquee.tenancy.domain.AuditEntry;
import io.marquee.tenancy.infrastructure.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** The current tenant's audit trail. */
@ApplicationScoped
@Transactional
public class AuditTrail {
  @Inject TenantEntityManager db;

  public AuditEntry record(String actor, String action, String detail) {
    AuditEntry entry =
        new AuditEntry(
            actor,
            action,
            detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
    db.get().persist(entry);
    return entry;
  }

  public List<AuditEntry> recent(int limit) {
    return db.get()
        .createQuery(
            "select a from AuditEntry a order by a.occurredAt desc, a.id desc", AuditEntry.class)
        .setMaxResults(Math.min(Math.max(limit, 1), 200))
        .getResultList();
  }

  /**
   * One entry of this tenant; another tenant's id is simply not found (it is in another schema).
   */
  public AuditEntry get(long id) {
    AuditEntry e = db.get().find(AuditEntry.class, id);
    if (e == null) {
      throw ProblemException.notFound("no audit entry " + id);
    }
    return e;
  }
}
