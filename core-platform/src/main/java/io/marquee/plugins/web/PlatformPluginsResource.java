package io.marquee.plugins.web;

import io.marquee.identity.application.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The operator's view: installed plugins, adoption, and each plugin's calls and failures. */
@Path("/platform/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformPluginsResource {
  @Inject Caller caller;
  @Inject io.marquee.plugins.application.PluginInstaller installer;

  /** Uploads a plugin jar (the body): installed, or replacing the same id, without a restart. */
  @jakarta.ws.rs.PUT
  @jakarta.ws.rs.Consumes({"application/java-archive", "application/octet-stream"})
  public jakarta.ws.rs.core.Response upload(byte[] jar) {
    caller.requireOperator();
    var r = installer.install(jar);
    JsonArrayBuilder migrated = Json.createArrayBuilder();
    r.migratedTenants().forEach(migrated::add);
    return jakarta.ws.rs.core.Response.status(201)
        .entity(
            Json.createObjectBuilder()
                .add("id", r.plugin().id())
                .add("version", r.plugin().version())
                .add("state", r.plugin().state())
                .add("migratedTenants", migrated)
                .build())
        .build();
  }

  @Inject io.marquee.plugins.application.Marketplace marketplace;
  @Inject io.marquee.tenancy.application.TenantDirectory directory;

  /** {@code {"free": true|false, "forceDisabled": true|false}} for one tenant and plugin. */
  @jakarta.ws.rs.PUT
  @jakarta.ws.rs.Path("{id}/tenants/{slug}")
  @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
  public JsonObject override(
      @jakarta.ws.rs.PathParam("id") String id,
      @jakarta.ws.rs.PathParam("slug") String slug,
      JsonObject body) {
    caller.requireOperator();
    var t =
        directory
            .findBySlug(slug)
            .orElseThrow(
                () -> io.marquee.common.problem.ProblemException.notFound("no tenant " + slug));
    boolean free = body != null && body.getBoolean("free", false);
    boolean off = body != null && body.getBoolean("forceDisabled", false);
    marketplace.override(t, id, free, off, caller.actor());
    return Json.createObjectBuilder()
        .add("plugin", id)
        .add("tenant", slug)
        .add("free", free)
        .add("forceDisabled", off)
        .build();
  }

  @jakarta.ws.rs.DELETE
  @jakarta.ws.rs.Path("{id}")
  public jakarta.ws.rs.core.Response remove(
      @jakarta.ws.rs.PathParam("id") String id, @jakarta.ws.rs.QueryParam("force") boolean force) {
    caller.requireOperator();
    installer.uninstall(id, force);
    return jakarta.ws.rs.core.Response.noContent().build();
  }

  @GET
  public JsonObject installed() {
    caller.requireOperator();
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (var r : marketplace.operatorView()) {
      items.add(
          Json.createObjectBuilder()
              .add("id", r.plugin().id())
              .add("version", r.plugin().version())
              .add("state", r.plugin().state())
              .add("tenants", r.tenants())
              .add("calls", r.calls())
              .add("failures", r.failures())
              .add("flagged", r.flagged()));
    }
    return Json.createObjectBuilder().add("items", items).build();
  }
}
