package io.marquee.identity.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.ApiKeyService;
import io.marquee.identity.application.Caller;
import io.marquee.identity.application.TeamService;
import io.marquee.identity.domain.ApiKey;
import io.marquee.identity.domain.Permission;
import io.marquee.tenancy.application.AuditTrail;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The current tenant's team and API keys. */
@Path("/console")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleIdentityResource {
  @Inject Caller caller;
  @Inject TenantContext tenant;
  @Inject TeamService team;
  @Inject ApiKeyService apiKeys;
  @Inject AuditTrail audit;

  @GET
  @Path("team")
  public JsonObject listTeam() {
    caller.require(Permission.VIEW_TEAM);
    TenantSnapshot t = tenant.require();
    JsonArrayBuilder items = Json.createArrayBuilder();
    team.list(t.slug(), t.organizationId()).forEach(m -> items.add(memberJson(m)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("team")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response invite(JsonObject body) {
    caller.require(Permission.MANAGE_TEAM);
    if (body == null) {
      throw ProblemException.invalid("body", "a JSON body is required");
    }
    TenantSnapshot t = tenant.require();
    var invitation =
        team.invite(
            t.slug(),
            t.organizationId(),
            body.getString("email", null),
            body.getString("role", null));
    audit.record(
        caller.actor(),
        "team.invited",
        invitation.member().getEmail() + " as " + invitation.member().getRole());
    JsonObjectBuilder json = Json.createObjectBuilder(memberJson(invitation.member()));
    invitation.temporaryPassword().ifPresent(p -> json.add("temporaryPassword", p));
    return Response.status(201).entity(json.build()).build();
  }

  @PUT
  @Path("team/{userId}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject changeRole(@PathParam("userId") String userId, JsonObject body) {
    caller.require(Permission.MANAGE_TEAM);
    TenantSnapshot t = tenant.require();
    var m =
        team.changeRole(
            t.slug(),
            t.organizationId(),
            userId,
            body == null ? null : body.getString("role", null));
    audit.record(caller.actor(), "team.role", m.getEmail() + " is now " + m.getRole());
    return memberJson(m);
  }

  @DELETE
  @Path("team/{userId}")
  public Response removeMember(@PathParam("userId") String userId) {
    caller.require(Permission.MANAGE_TEAM);
    TenantSnapshot t = tenant.require();
    var m = team.member(t.slug(), t.organizationId(), userId);
    team.remove(t.slug(), t.organizationId(), userId);
    audit.record(caller.actor(), "team.removed", m.getEmail());
    return Response.noContent().build();
  }

  @GET
  @Path("api-keys")
  public JsonObject listKeys() {
    caller.require(Permission.MANAGE_API_KEYS);
    JsonArrayBuilder items = Json.createArrayBuilder();
    apiKeys.list(tenant.require().id()).forEach(k -> items.add(keyJson(k)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("api-keys")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createKey(JsonObject body) {
    caller.require(Permission.MANAGE_API_KEYS);
    if (body == null) {
      throw ProblemException.invalid("body", "a JSON body is required");
    }
    var created =
        apiKeys.create(
            tenant.require().id(),
            body.getString("name", null),
            body.getString("scope", null),
            caller.actor());
    audit.record(
        caller.actor(),
        "api-key.created",
        created.key().getName() + " (" + created.key().getScope() + ")");
    JsonObject json =
        Json.createObjectBuilder(keyJson(created.key())).add("key", created.plainText()).build();
    return Response.status(201).entity(json).build();
  }

  @DELETE
  @Path("api-keys/{id}")
  public JsonObject revokeKey(@PathParam("id") String id) {
    caller.require(Permission.MANAGE_API_KEYS);
    UUID keyId;
    try {
      keyId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no API key " + id);
    }
    ApiKey key = apiKeys.revoke(tenant.require().id(), keyId);
    audit.record(caller.actor(), "api-key.revoked", key.getName());
    return keyJson(key);
  }

  static JsonObject memberJson(TeamService.Member m) {
    return Json.createObjectBuilder()
        .add("id", m.getId())
        .add("email", m.getEmail())
        .add("name", m.getName())
        .add("role", m.getRole())
        .build();
  }

  static JsonObject keyJson(ApiKey k) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", k.getId().toString())
            .add("name", k.getName())
            .add("prefix", k.getPrefix())
            .add("scope", k.getScope().name().toLowerCase())
            .add("createdBy", k.getCreatedBy())
            .add("createdAt", k.getCreatedAt().toString())
            .add("active", k.isActive());
    if (k.getLastUsedAt() != null) {
      b.add("lastUsedAt", k.getLastUsedAt().toString());
    }
    if (k.getRevokedAt() != null) {
      b.add("revokedAt", k.getRevokedAt().toString());
    }
    return b.build();
  }
}
