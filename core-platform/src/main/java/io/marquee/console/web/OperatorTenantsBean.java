package io.marquee.console.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.tenancy.application.ProvisionTenantCommand;
import io.marquee.tenancy.application.TenantProvisioningService;
import io.marquee.tenancy.application.TenantRecords;
import io.marquee.tenancy.domain.Tenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Operator console: tenants, provisioning, suspend/resume, domains. */
@Named("operator.tenants")
@ViewScoped
public class OperatorTenantsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient Caller caller;
  @Inject transient TenantRecords records;
  @Inject transient TenantProvisioningService provisioning;

  private final ProvisionTenantCommand form = new ProvisionTenantCommand();
  private String domainTenant;
  private String domainHost;

  public List<Tenant> getTenants() {
    caller.requireOperator();
    return records.all();
  }

  public String domainsOf(Tenant t) {
    return String.join(", ", records.hostsOf(t.getId()));
  }

  public void create() {
    try {
      caller.requireOperator();
      var result = provisioning.provision(form);
      Messages.info(
          (result.created() ? "Provisioned " : "Already existed: ") + result.tenant().getSlug());
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public void suspend(Tenant t) {
    try {
      caller.requireOperator();
      provisioning.suspend(t.getSlug());
      Messages.info("Suspended " + t.getSlug());
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public void resume(Tenant t) {
    try {
      caller.requireOperator();
      provisioning.resume(t.getSlug());
      Messages.info("Resumed " + t.getSlug());
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public void addDomain() {
    try {
      caller.requireOperator();
      provisioning.addDomain(domainTenant, domainHost);
      Messages.info("Added " + domainHost + " to " + domainTenant);
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public ProvisionTenantCommand getForm() {
    return form;
  }

  public String getDomainTenant() {
    return domainTenant;
  }

  public void setDomainTenant(String domainTenant) {
    this.domainTenant = domainTenant;
  }

  public String getDomainHost() {
    return domainHost;
  }

  public void setDomainHost(String domainHost) {
    this.domainHost = domainHost;
  }
}
