package io.marquee.tenancy.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.tenancy.application.AuditTrail;
import io.marquee.tenancy.application.BrandingService;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantProvisioningService;
import io.marquee.tenancy.application.TenantRecords;
import io.marquee.tenancy.domain.AuditEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The current tenant's own settings: branding, logo, custom domains and audit trail. */
@Path("/console")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleTenantResource {
  @Inject Caller caller;
  @Inject TenantContext tenant;
  @Inject BrandingService branding;
  @Inject AuditTrail audit;
  @Inject TenantProvisioningService provisioning;
  @Inject TenantRecords records;

  @GET
  @Path("branding")
  public JsonObject getBranding() {
    caller.require(Permission.VIEW_DASHBOARD);
    return brandJson(branding.current());
  }

  @PUT
  @Path("branding")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject restyle(JsonObject body) {
    caller.require(Permission.MANAGE_BRANDING);
    if (body == null) {
      throw ProblemException.invalid("body", "a JSON body is required");
    }
    var brand =
        branding.restyle(
            body.getString("theme", branding.current().theme()),
            body.getString("primaryColor", null),
            body.getString("accentColor", null),
            body.getString("backgroundColor", null),
            body.getString("textColor", null));
    audit.record(caller.actor(), "branding.updated", "theme " + brand.theme());
    return brandJson(brand);
  }

  @PUT
  @Path("branding/logo")
  @Consumes(MediaType.WILDCARD)
  public JsonObject uploadLogo(byte[] image) {
    caller.require(Permission.MANAGE_BRANDING);
    var brand = branding.replaceLogo(image);
    audit.record(
        caller.actor(), "branding.logo", brand.logoContentType() + ", " + image.length + " bytes");
    return brandJson(brand);
  }

  @GET
  @Path("domains")
  public JsonObject domains() {
    caller.require(Permission.VIEW_DASHBOARD);
    return domainsJson(records.hostsOf(tenant.require().id()));
  }

  @POST
  @Path("domains")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject addDomain(JsonObject body) {
    caller.require(Permission.MANAGE_BRANDING);
    String host = body == null ? null : body.getString("host", null);
    var hosts = provisioning.addDomain(tenant.require().slug(), host);
    audit.record(caller.actor(), "domain.added", host);
    return domainsJson(hosts);
  }

  @DELETE
  @Path("domains/{host}")
  public JsonObject removeDomain(@PathParam("host") String host) {
    caller.require(Permission.MANAGE_BRANDING);
    var hosts = provisioning.removeDomain(tenant.require().slug(), host);
    audit.record(caller.actor(), "domain.removed", host);
    return domainsJson(hosts);
  }

  @GET
  @Path("audit")
  public JsonObject recentAudit(@QueryParam("limit") @DefaultValue("50") int limit) {
    caller.require(Permission.VIEW_AUDIT);
    JsonArrayBuilder items = Json.createArrayBuilder();
    audit.recent(limit).forEach(e -> items.add(auditJson(e)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("audit/{id}")
  public JsonObject auditEntry(@PathParam("id") long id) {
    caller.require(Permission.VIEW_AUDIT);
    return auditJson(audit.get(id));
  }

  static JsonObject auditJson(AuditEntry e) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", e.getId())
            .add("occurredAt", e.getOccurredAt().toString())
            .add("actor", e.getActor())
            .add("action", e.getAction());
    if (e.getDetail() != null) {
      b.add("detail", e.getDetail());
    }
    return b.build();
  }

  private JsonObject brandJson(BrandingService.Brand b) {
    return Json.createObjectBuilder()
        .add("tenant", tenant.require().slug())
        .add("name", b.tenantName())
        .add("theme", b.theme())
        .add("primaryColor", b.primaryColor())
        .add("accentColor", b.accentColor())
        .add("backgroundColor", b.backgroundColor())
        .add("textColor", b.textColor())
        .add("hasLogo", b.hasLogo())
        .build();
  }

  private static JsonObject domainsJson(java.util.List<String> hosts) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    hosts.forEach(items::add);
    return Json.createObjectBuilder().add("items", items).build();
  }
}
