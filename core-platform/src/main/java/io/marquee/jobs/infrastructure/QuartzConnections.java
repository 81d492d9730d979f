package io.marquee.jobs.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Hands Quartz connections from Liberty's non-transactional data source: Quartz's JobStoreTX
 * commits its own work, which a JTA-enlisted connection would refuse. Quartz builds this class by
 * name, so the data source is handed over statically before the scheduler starts.
 */
public class QuartzConnections implements ConnectionProvider {
  private static volatile DataSource dataSource;

  public static void use(DataSource ds) {
    dataSource = ds;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    // the container owns the pool
  }

  @Override
  public void initialize() {
    if (dataSource == null) {
      throw new IllegalStateException("QuartzConnections.use(...) was not called");
    }
  }
}
