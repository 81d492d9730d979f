package io.marquee.billing.application;

import io.marquee.billing.domain.Plan;
import io.marquee.billing.infrastructure.BillingSources;
import io.marquee.common.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's plans and which one each tenant is on; the operator moves tenants between them.
 */
@ApplicationScoped
public class Plans {
  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "marquee.billing.default-plan", defaultValue = "payg")
  String defaultPlan;

  public List<Plan> all() {
    try (Connection c = dataSource.getConnection()) {
      return BillingSources.plans(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read plans", e);
    }
  }

  /** The tenant's plan now. */
  public Plan current(UUID tenantId) {
    try (Connection c = dataSource.getConnection()) {
      return BillingSources.plan(c, currentCode(c, tenantId))
          .orElseThrow(() -> new IllegalStateException("the tenant's plan does not exist"));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the tenant's plan", e);
    }
  }

  private String currentCode(Connection c, UUID tenantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT plan_code FROM platform.tenant_plan WHERE tenant_id = ? AND ended_at IS"
                + " NULL")) {
      ps.setObject(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : defaultPlan;
      }
    }
  }

  /**
   * Moves the tenant to {@code code} from now on: the old plan is billed up to today, the new one
   * from today (the changeover day bills both fees, as for add-ons). Returns false when the tenant
   * is on that plan already.
   */
  public boolean change(UUID tenantId, String code, String actor) {
    if (code == null || code.isBlank()) {
      throw ProblemException.invalid("plan", "plan is required, one of " + codes());
    }
    try (Connection c = dataSource.getConnection()) {
      if (BillingSources.plan(c, code).isEmpty()) {
        throw ProblemException.invalid("plan", "unknown plan " + code + "; one of " + codes());
      }
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, ("plan" + tenantId).hashCode());
          lock.execute();
        }
        String current = currentCode(c, tenantId);
        if (current.equals(code)) {
          c.commit();
          return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int open =
            update(
                c,
                "UPDATE platform.tenant_plan SET ended_at = ? WHERE tenant_id = ? AND ended_at IS"
                    + " NULL",
                now,
                tenantId);
        if (open == 0) {
          // the implicit default plan becomes explicit history, so past months bill as before
          insert(c, tenantId, current, created(c, tenantId), now, actor);
        }
        insert(c, tenantId, code, now, null, actor);
        c.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot change the plan", e);
    }
  }

  private static OffsetDateTime created(Connection c, UUID tenantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT created_at FROM platform.tenant WHERE id = ?")) {
      ps.setObject(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, OffsetDateTime.class);
      }
    }
  }

  private String codes() {
    return all().stream().map(Plan::code).toList().toString();
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  private static void insert(
      Connection c,
      UUID tenantId,
      String code,
      OffsetDateTime from,
      OffsetDateTime to,
      String actor)
      throws SQLException {
    update(
        c,
        "INSERT INTO platform.tenant_plan (id, tenant_id, plan_code, started_at, ended_at,"
            + " changed_by) VALUES (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID(),
        tenantId,
        code,
        from,
        to,
        actor);
  }
}
