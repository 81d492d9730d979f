package io.marquee.tenancy.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.tenancy.application.ProvisionTenantCommand;
import io.marquee.tenancy.application.TenantProvisioningService;
import io.marquee.tenancy.application.TenantRecords;
import io.marquee.tenancy.domain.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Operator API: provision tenants, suspend and resume them, manage their domains. */
@Path("/platform/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlatformTenantsResource {
  @Inject Caller caller;
  @Inject TenantProvisioningService provisioning;
  @Inject TenantRecords records;

  /** Provisions a tenant; 201 when created, 200 when an identical tenant already existed. */
  @POST
  public Response provision(ProvisionTenantCommand command) {
    caller.requireOperator();
    if (command == null) {
      throw ProblemException.invalid("body", "a JSON body is required");
    }
    var result = provisioning.provision(command);
    JsonObject body = TenantJson.of(result.tenant(), result.hosts());
    return result.created()
        ? Response.created(URI.create("/api/platform/tenants/" + result.tenant().getSlug()))
            .entity(body)
            .build()
        : Response.ok(body).build();
  }

  @GET
  public JsonObject list() {
    caller.requireOperator();
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Tenant t : records.all()) {
      items.add(TenantJson.of(t, records.hostsOf(t.getId())));
    }
    return Json.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("{slug}")
  public JsonObject get(@PathParam("slug") String slug) {
    caller.requireOperator();
    Tenant t = find(slug);
    return TenantJson.of(t, records.hostsOf(t.getId()));
  }

  @POST
  @Path("{slug}/suspend")
  public JsonObject suspend(@PathParam("slug") String slug) {
    caller.requireOperator();
    Tenant t = provisioning.suspend(slug);
    return TenantJson.of(t, records.hostsOf(t.getId()));
  }

  @POST
  @Path("{slug}/resume")
  public JsonObject resume(@PathParam("slug") String slug) {
    caller.requireOperator();
    Tenant t = provisioning.resume(slug);
    return TenantJson.of(t, records.hostsOf(t.getId()));
  }

  @POST
  @Path("{slug}/domains")
  public JsonObject addDomain(@PathParam("slug") String slug, JsonObject body) {
    caller.requireOperator();
    provisioning.addDomain(slug, body == null ? null : body.getString("host", null));
    return get(slug);
  }

  @DELETE
  @Path("{slug}/domains/{host}")
  public JsonObject removeDomain(@PathParam("slug") String slug, @PathParam("host") String host) {
    caller.requireOperator();
    provisioning.removeDomain(slug, host);
    return get(slug);
  }

  private Tenant find(String slug) {
    return records.bySlug(slug).orElseThrow(() -> ProblemException.notFound("no tenant " + slug));
  }
}
