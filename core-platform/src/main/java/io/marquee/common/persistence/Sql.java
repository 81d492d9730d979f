package io.marquee.common.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * Plain SQL against a tenant's schema through the JTA data source, so statements join the caller's
 * transaction together with JPA work. Used where the statement itself is the business rule
 * (conditional inventory updates, ledger postings, reports).
 */
@ApplicationScoped
public class Sql {
  @Resource(lookup = "jdbc/marquee")
  DataSource dataSource;

  public TenantSql in(String schema) {
    return new TenantSql(dataSource, schema);
  }
}
