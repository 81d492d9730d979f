package io.marquee.operations;

import com.hazelcast.core.HazelcastInstance;
import io.marquee.identity.infrastructure.KeycloakAdminClient;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Ready means: PostgreSQL answers, Keycloak answers, and this node's Hazelcast member runs. */
@ApplicationScoped
public class ReadinessChecks {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  @Inject KeycloakAdminClient keycloak;
  @Inject HazelcastInstance hazelcast;

  @Produces
  @Readiness
  HealthCheck postgres() {
    return () -> {
      try (Connection c = dataSource.getConnection()) {
        return HealthCheckResponse.named("postgresql").status(c.isValid(2)).build();
      } catch (Exception e) {
        return HealthCheckResponse.named("postgresql")
            .down()
            .withData("error", e.getMessage())
            .build();
      }
    };
  }

  @Produces
  @Readiness
  HealthCheck keycloakCheck() {
    return () -> HealthCheckResponse.named("keycloak").status(keycloak.reachable()).build();
  }

  @Produces
  @Readiness
  HealthCheck hazelcastCheck() {
    return () ->
        HealthCheckResponse.named("hazelcast")
            .status(hazelcast.getLifecycleService().isRunning())
            .withData("members", hazelcast.getCluster().getMembers().size())
            .build();
  }

  @Produces
  @Liveness
  HealthCheck alive() {
    return () -> HealthCheckResponse.up("marquee");
  }
}
