package io.marquee.tenancy.application;

import com.hazelcast.core.HazelcastInstance;
import io.marquee.tenancy.domain.Tenant;
import io.marquee.tenancy.domain.TenantStatus;
import io.marquee.tenancy.infrastructure.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * At start-up: joins the Hazelcast cluster, migrates the platform schema, then every tenant schema.
 * Each schema has its own Flyway history, so an interrupted run resumes where it stopped; progress
 * is logged with counts.
 */
@ApplicationScoped
public class StartupMigrations {
  private static final Logger LOG = Logger.getLogger(StartupMigrations.class.getName());

  @Inject SchemaMigrator migrator;
  @Inject TenantRecords records;
  @Inject HazelcastInstance hazelcast;
  @Inject jakarta.enterprise.event.Event<SchemasReady> ready;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    LOG.info(() -> "Hazelcast member up in cluster " + hazelcast.getConfig().getClusterName());
    migrator.migratePlatform();
    List<Tenant> tenants =
        records.all().stream().filter(t -> t.getStatus() != TenantStatus.PROVISIONING).toList();
    long started = System.nanoTime();
    int done = 0;
    int migrated = 0;
    for (Tenant t : tenants) {
      if (!migrator.tenantUpToDate(t.schema())) {
        migrator.migrateTenant(t.schema());
        migrated++;
      }
      done++;
      if (done % 100 == 0 || done == tenants.size()) {
        int n = done;
        LOG.info(() -> "tenant migrations: " + n + "/" + tenants.size() + " schemas up to date");
      }
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    int changed = migrated;
    LOG.info(
        () ->
            "tenant migrations finished: "
                + tenants.size()
                + " schemas checked, "
                + changed
                + " migrated, in "
                + ms
                + " ms");
    ready.fire(new SchemasReady(tenants.size()));
  }
}
