package io.marquee.jobs.application;

import io.marquee.ordering.application.CheckoutService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Releases the capacity of holds and counter reservations that ran out, in every active tenant.
 * Each tenant's sweep is its own transaction; rows another worker holds are skipped, and the
 * conditional status change makes each release happen once however many nodes run this.
 */
@Dependent
@DisallowConcurrentExecution
public class HoldExpiryJob implements Job {
  private static final Logger LOG = Logger.getLogger(HoldExpiryJob.class.getName());

  @Inject CheckoutService checkout;
  @Inject io.marquee.ordering.application.PaymentService payments;
  @Inject ActiveTenants tenants;

  @Override
  public void execute(JobExecutionContext context) {
    int released = 0;
    for (String schema : tenants.schemas()) {
      try {
        released += checkout.expireDueIn(schema);
        payments.announceSoldOutsIn(schema);
      } catch (RuntimeException e) {
        LOG.warning(() -> "hold expiry in " + schema + " failed: " + e);
      }
    }
    if (released > 0) {
      int n = released;
      LOG.info(() -> "released " + n + " expired holds");
    }
  }
}
