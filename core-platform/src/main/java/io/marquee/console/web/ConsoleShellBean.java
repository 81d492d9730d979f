package io.marquee.console.web;

import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.tenancy.application.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The console frame: who is signed in, and which menu entries their role shows. */
@Named("console.shell")
@RequestScoped
public class ConsoleShellBean {
  @Inject Caller caller;
  @Inject TenantContext tenant;

  public String getTenantName() {
    return tenant.current().map(t -> t.displayName()).orElse("Marquee platform");
  }

  public String getUserName() {
    return caller.staff() == null ? "" : caller.staff().name();
  }

  public String getRole() {
    return caller.role() == null
        ? (caller.isOperator() ? "operator" : "")
        : caller.role().groupName();
  }

  public boolean isCanManagePlugins() {
    return caller.can(Permission.MANAGE_PLUGINS);
  }

  public boolean isCanViewTeam() {
    return caller.can(Permission.VIEW_TEAM);
  }

  public boolean isCanManageTeam() {
    return caller.can(Permission.MANAGE_TEAM);
  }

  public boolean isCanBrand() {
    return caller.can(Permission.MANAGE_BRANDING);
  }

  public boolean isCanManageKeys() {
    return caller.can(Permission.MANAGE_API_KEYS);
  }

  public boolean isCanViewAudit() {
    return caller.can(Permission.VIEW_AUDIT);
  }

  public boolean isCanViewEvents() {
    return caller.can(Permission.VIEW_EVENTS);
  }

  public boolean isCanManageEvents() {
    return caller.can(Permission.MANAGE_EVENTS);
  }

  public boolean isCanViewOrders() {
    return caller.can(Permission.VIEW_ORDERS);
  }

  public boolean isCanRefund() {
    return caller.can(Permission.REFUND_ORDERS);
  }

  public boolean isCanManageOrders() {
    return caller.can(Permission.MANAGE_ORDERS);
  }

  public boolean isCanConfirmAtDoor() {
    return caller.can(Permission.CONFIRM_AT_DOOR);
  }

  public boolean isCanViewReports() {
    return caller.can(Permission.VIEW_REPORTS);
  }
}
