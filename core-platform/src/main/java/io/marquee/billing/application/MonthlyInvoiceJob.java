package io.marquee.billing.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** On the 1st of each month, invoices the month that ended (a rerun changes nothing). */
@Dependent
@DisallowConcurrentExecution
public class MonthlyInvoiceJob implements Job {
  private static final Logger LOG = Logger.getLogger(MonthlyInvoiceJob.class.getName());

  @Inject Invoicing invoicing;

  @Override
  public void execute(JobExecutionContext context) {
    YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    int n = invoicing.run(last).size();
    LOG.info(() -> "invoice run " + last + ": " + n + " tenants");
  }
}
