package io.marquee.identity.application;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.domain.ApiKeyScope;
import io.marquee.identity.domain.Permission;
import io.marquee.identity.domain.StaffPrincipal;
import io.marquee.identity.domain.StaffRole;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling in this request, already authenticated: a staff member (with their role in the
 * request's tenant), an operator, or an integrator's API key. Resources ask it for permissions.
 */
@RequestScoped
public class Caller {
  private StaffPrincipal staff;
  private StaffRole role;
  private ApiKeyScope keyScope;
  private String keyName;

  public void asStaff(StaffPrincipal staff, StaffRole roleInTenant) {
    this.staff = staff;
    this.role = roleInTenant;
  }

  public void asApiKey(String name, ApiKeyScope scope) {
    this.keyName = name;
    this.keyScope = scope;
  }

  public boolean authenticated() {
    return staff != null || keyScope != null;
  }

  public boolean isOperator() {
    return staff != null && staff.operator();
  }

  public StaffPrincipal staff() {
    return staff;
  }

  public StaffRole role() {
    return role;
  }

  public boolean can(Permission p) {
    return (role != null && role.allows(p)) || (keyScope != null && keyScope.allows(p));
  }

  /** 401 when nobody is authenticated, 403 when the caller lacks the permission. */
  public void require(Permission p) {
    if (!authenticated()) {
      throw ProblemException.unauthorized("sign in or present an API key");
    }
    if (!can(p)) {
      throw ProblemException.forbidden(
          "your role does not allow " + p.name().toLowerCase().replace('_', ' '));
    }
  }

  public void requireOperator() {
    if (staff == null) {
      throw ProblemException.unauthorized("an operator token is required");
    }
    if (!staff.operator()) {
      throw ProblemException.forbidden("only platform operators may do this");
    }
  }

  /** Who to name in the audit trail. */
  public String actor() {
    if (staff != null) {
      return staff.email() != null ? staff.email() : staff.subject();
    }
    return keyName != null ? "api-key:" + keyName : "anonymous";
  }
}
