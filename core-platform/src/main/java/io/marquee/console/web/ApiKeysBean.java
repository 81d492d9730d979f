package io.marquee.console.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.ApiKeyService;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.ApiKey;
import io.marquee.identity.domain.Permission;
import io.marquee.tenancy.application.AuditTrail;
import io.marquee.tenancy.application.TenantContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Console › API keys: create (the key is shown once), list with last use, revoke. */
@Named("console.apiKeys")
@ViewScoped
public class ApiKeysBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ApiKeyService apiKeys;
  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;
  @Inject transient AuditTrail audit;

  private String name;
  private String scope = "read";
  private String createdKey;

  public List<ApiKey> getKeys() {
    caller.require(Permission.MANAGE_API_KEYS);
    return apiKeys.list(tenant.require().id());
  }

  public void create() {
    try {
      caller.require(Permission.MANAGE_API_KEYS);
      var created = apiKeys.create(tenant.require().id(), name, scope, caller.actor());
      audit.record(caller.actor(), "api-key.created", created.key().getName());
      createdKey = created.plainText();
      name = null;
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public void revoke(ApiKey key) {
    try {
      caller.require(Permission.MANAGE_API_KEYS);
      apiKeys.revoke(tenant.require().id(), key.getId());
      audit.record(caller.actor(), "api-key.revoked", key.getName());
      Messages.info("Revoked " + key.getName());
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getCreatedKey() {
    return createdKey;
  }
}
