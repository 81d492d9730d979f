package io.marquee.console.web;

import io.marquee.common.persistence.Sql;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Console › Orders: search by number, name or email, filter by status. */
@Named("console.orders")
@ViewScoped
public class OrdersBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient Sql sql;
  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;

  private String query;
  private String status = "";

  public List<Map<String, Object>> getOrders() {
    caller.require(Permission.VIEW_ORDERS);
    TenantSnapshot t = tenant.require();
    OrderStatus s = status == null || status.isBlank() ? null : OrderStatus.fromDb(status);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Order o :
        new OrderStore(sql.in(t.schema()))
            .search(query == null || query.isBlank() ? null : query.strip(), s, null, 200, 0)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", o.id().toString());
      m.put("number", o.number());
      m.put("buyer", o.buyerName());
      m.put("email", o.buyerEmail());
      m.put("status", o.status().db());
      m.put("total", ConsoleFormat.money(o.total(), o.currency()));
      m.put("created", ConsoleFormat.local(o.createdAt(), t.timeZone()));
      rows.add(m);
    }
    return rows;
  }

  public List<String> getStatuses() {
    List<String> s = new ArrayList<>();
    s.add("");
    for (OrderStatus o : OrderStatus.values()) {
      s.add(o.db());
    }
    return s;
  }

  public void search() {
    // the table re-reads with the new criteria
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String v) {
    query = v;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String v) {
    status = v;
  }
}
