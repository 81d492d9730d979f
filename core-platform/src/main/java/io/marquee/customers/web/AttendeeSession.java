package io.marquee.customers.web;

import io.marquee.customers.domain.Customer;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Optional;

/**
 * The signed-in attendee of this browser session. Bound to the tenant that signed them in: the same
 * session cookie on another tenant's host (never sent by browsers, but possible by hand) sees
 * nobody.
 */
@SessionScoped
public class AttendeeSession implements Serializable {
  private static final long serialVersionUID = 1L;

  private String tenantSlug;
  private Customer customer;

  public void signIn(TenantSnapshot t, Customer c) {
    tenantSlug = t.slug();
    customer = c;
  }

  public void signOut() {
    tenantSlug = null;
    customer = null;
  }

  public Optional<Customer> current(TenantSnapshot t) {
    return customer != null && t.slug().equals(tenantSlug)
        ? Optional.of(customer)
        : Optional.empty();
  }
}
