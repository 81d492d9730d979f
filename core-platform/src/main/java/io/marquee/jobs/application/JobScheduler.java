package io.marquee.jobs.application;

import io.marquee.jobs.infrastructure.QuartzConnections;
import io.marquee.tenancy.application.SchemasReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * Quartz with its clustered JDBC store in the {@code platform} schema: with several Liberty nodes,
 * each firing runs on exactly one. Jobs are CDI beans, created per firing. The store's tables come
 * from the DDL that ships inside the Quartz jar, applied once when they are missing.
 */
@ApplicationScoped
public class JobScheduler {
  private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

  @Resource(lookup = "jdbc/marqueeNonJta")
  DataSource dataSource;

  @Inject Instance<Object> beans;

  @Inject
  @ConfigProperty(name = "marquee.jobs.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "marquee.jobs.hold-expiry-seconds", defaultValue = "30")
  int holdExpirySeconds;

  @Inject
  @ConfigProperty(name = "marquee.jobs.mail-seconds", defaultValue = "5")
  int mailSeconds;

  @Inject
  @ConfigProperty(name = "marquee.jobs.plugin-events-seconds", defaultValue = "2")
  int pluginSeconds;

  @Inject
  @ConfigProperty(name = "marquee.jobs.plugin-tasks-seconds", defaultValue = "30")
  int pluginTaskSeconds;

  private Scheduler scheduler;

  void onStart(@Observes SchemasReady ready) {
    if (!enabled) {
      LOG.info("jobs disabled (marquee.jobs.enabled=false)");
      return;
    }
    try {
      ensureTables();
      QuartzConnections.use(dataSource);
      Properties p = new Properties();
      p.setProperty("org.quartz.scheduler.instanceName", "marquee");
      p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
      p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
      p.setProperty("org.quartz.threadPool.threadCount", "2");
      p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
      p.setProperty(
          "org.quartz.jobStore.driverDelegateClass",
          "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
      p.setProperty("org.quartz.jobStore.tablePrefix", "platform.qrtz_");
      p.setProperty("org.quartz.jobStore.isClustered", "true");
      p.setProperty("org.quartz.jobStore.dataSource", "marquee");
      p.setProperty(
          "org.quartz.dataSource.marquee.connectionProvider.class",
          QuartzConnections.class.getName());
      StdSchedulerFactory factory = new StdSchedulerFactory(p);
      scheduler = factory.getScheduler();
      scheduler.setJobFactory(cdiJobs());
      schedule(HoldExpiryJob.class, "hold-expiry", holdExpirySeconds);
      schedule(io.marquee.notifications.application.NotificationJob.class, "mail", mailSeconds);
      schedule(io.marquee.plugins.application.PluginEventJob.class, "plugin-events", pluginSeconds);
      schedule(
          io.marquee.plugins.application.PluginTaskJob.class, "plugin-tasks", pluginTaskSeconds);
      monthly(io.marquee.billing.application.MonthlyInvoiceJob.class, "invoice-run");
      scheduler.start();
      LOG.info(
          () ->
              "Quartz started (clustered JDBC store), hold expiry every "
                  + holdExpirySeconds
                  + " s");
    } catch (SchedulerException | SQLException e) {
      throw new IllegalStateException("cannot start the job scheduler", e);
    }
  }

  private JobFactory cdiJobs() {
    return (bundle, s) -> {
      Class<? extends Job> type = bundle.getJobDetail().getJobClass();
      return beans.select(type).get();
    };
  }

  private void schedule(Class<? extends Job> type, String name, int everySeconds)
      throws SchedulerException {
    JobKey key = new JobKey(name, "core");
    var job = JobBuilder.newJob(type).withIdentity(key).storeDurably().build();
    var trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name, "core")
            .forJob(key)
            .withSchedule(
                SimpleScheduleBuilder.repeatSecondlyForever(everySeconds)
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    // Replace what a previous start (or another node) stored, so interval changes take effect.
    scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
  }

  /** At 03:00 UTC on the 1st of every month. */
  private void monthly(Class<? extends Job> type, String name) throws SchedulerException {
    JobKey key = new JobKey(name, "core");
    var job = JobBuilder.newJob(type).withIdentity(key).storeDurably().build();
    var trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name, "core")
            .forJob(key)
            .withSchedule(
                org.quartz.CronScheduleBuilder.cronSchedule("0 0 3 1 * ?")
                    .inTimeZone(java.util.TimeZone.getTimeZone("UTC"))
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
  }

  private void ensureTables() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT to_regclass('platform.qrtz_locks') IS NOT NULL")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return;
        }
      }
      String ddl;
      try (InputStream in =
          Scheduler.class
              .getClassLoader()
              .getResourceAsStream("org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
        ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.io.IOException | NullPointerException e) {
        throw new SQLException("the Quartz DDL is missing from the Quartz jar", e);
      }
      // Two nodes starting at once: one creates, the other waits on the advisory lock and finds
      // them.
      c.setAutoCommit(false);
      s.execute(
          "SELECT pg_advisory_xact_lock("
              + UUID.nameUUIDFromBytes("quartz-ddl".getBytes(StandardCharsets.UTF_8))
                  .getMostSignificantBits()
              + ")");
      try (ResultSet rs = s.executeQuery("SELECT to_regclass('platform.qrtz_locks') IS NOT NULL")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          s.execute("SET LOCAL search_path TO platform");
          s.execute(ddl.replace("COMMIT;", ""));
          LOG.info("created the Quartz tables in schema platform");
        }
      }
      c.commit();
      c.setAutoCommit(true);
    }
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      try {
        scheduler.shutdown(true);
      } catch (SchedulerException e) {
        LOG.warning(() -> "Quartz shutdown: " + e);
      }
    }
  }
}
