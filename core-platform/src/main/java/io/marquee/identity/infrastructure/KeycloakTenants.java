package io.marquee.identity.infrastructure;

import static io.marquee.identity.infrastructure.KeycloakAdminClient.enc;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.domain.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * Marquee's tenant objects in Keycloak: per tenant an Organization (alias = slug), a public PKCE
 * client {@code tenant-<slug>} whose redirect URIs are the tenant's domains, and role groups {@code
 * /tenants/<slug>/<role>}.
 */
@ApplicationScoped
public class KeycloakTenants {
  @Inject KeycloakAdminClient kc;
  @Inject KeycloakSettings settings;

  public static String clientIdOf(String slug) {
    return "tenant-" + slug;
  }

  // ---- organizations

  public Optional<String> findOrganization(String slug) {
    var reply =
        kc.expect(
            kc.get(
                "/organizations?q=" + enc("alias:" + slug) + "&briefRepresentation=true&max=100"),
            "search organizations");
    return reply.array().stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> slug.equals(o.getString("alias", null)))
        .map(o -> o.getString("id"))
        .findFirst();
  }

  public String createOrganization(String slug, String displayName, String homeUrl) {
    JsonObject org =
        Json.createObjectBuilder()
            .add("name", displayName)
            .add("alias", slug)
            .add("enabled", true)
            .add("redirectUrl", homeUrl)
            .add(
                "domains",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("name", slug + ".marquee.invalid")))
            .build();
    var reply = kc.post("/organizations", org);
    if (reply.status() == 409) {
      throw ProblemException.conflict(
          "displayName",
          "an identity organization named \"" + displayName + "\" already exists in Keycloak");
    }
    return kc.expect(reply, "create organization").createdId();
  }

  public void deleteOrganization(String orgId) {
    kc.expect(kc.delete("/organizations/" + orgId), "delete organization", 404);
  }

  public void addMember(String orgId, String userId) {
    kc.expect(
        kc.post("/organizations/" + orgId + "/members", Json.createValue(userId)),
        "add organization member",
        409);
  }

  public void removeMember(String orgId, String userId) {
    kc.expect(
        kc.delete("/organizations/" + orgId + "/members/" + userId),
        "remove organization member",
        404);
  }

  public List<JsonObject> members(String orgId) {
    return kc
        .expect(kc.get("/organizations/" + orgId + "/members?max=1000"), "list members")
        .array()
        .stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  // ---- the tenant's login client

  /** Creates the client, or updates its URLs (and name, when given) keeping everything else. */
  public void ensureClient(String slug, String displayName, List<String> baseUrls) {
    Optional<String> id = findClient(slug);
    if (id.isPresent()) {
      var update = Json.createObjectBuilder(urls(baseUrls));
      if (displayName != null) {
        update.add("name", displayName);
      }
      kc.expect(kc.put("/clients/" + id.get(), update.build()), "update client");
    } else {
      kc.expect(
          kc.post("/clients", clientRep(slug, displayName == null ? slug : displayName, baseUrls)),
          "create client",
          409);
    }
  }

  private static JsonObject urls(List<String> baseUrls) {
    JsonArrayBuilder redirects = Json.createArrayBuilder();
    JsonArrayBuilder origins = Json.createArrayBuilder();
    for (String url : baseUrls) {
      redirects.add(url + "/auth/callback").add(url + "/*");
      origins.add(url);
    }
    return Json.createObjectBuilder()
        .add("baseUrl", baseUrls.get(0))
        .add("redirectUris", redirects)
        .add("webOrigins", origins)
        .build();
  }

  public void deleteClient(String slug) {
    findClient(slug).ifPresent(id -> kc.expect(kc.delete("/clients/" + id), "delete client", 404));
  }

  private Optional<String> findClient(String slug) {
    return kc
        .expect(kc.get("/clients?clientId=" + enc(clientIdOf(slug))), "find client")
        .array()
        .stream()
        .map(v -> v.asJsonObject().getString("id"))
        .findFirst();
  }

  private JsonObject clientRep(String slug, String displayName, List<String> baseUrls) {
    return Json.createObjectBuilder(urls(baseUrls))
        .add("clientId", clientIdOf(slug))
        .add("name", displayName)
        .add("publicClient", true)
        .add("standardFlowEnabled", true)
        .add("directAccessGrantsEnabled", false)
        .add(
            "attributes",
            Json.createObjectBuilder()
                .add("pkce.code.challenge.method", "S256")
                .add("post.logout.redirect.uris", "+"))
        // Listed explicitly: naming any scope on creation replaces the realm defaults (and "basic"
        // carries "sub").
        .add(
            "defaultClientScopes",
            Json.createArrayBuilder()
                .add("basic")
                .add("profile")
                .add("email")
                .add("roles")
                .add("web-origins")
                .add("acr"))
        .add("optionalClientScopes", Json.createArrayBuilder().add("organization"))
        .add(
            "protocolMappers",
            Json.createArrayBuilder()
                .add(
                    mapper(
                        "marquee-audience",
                        "oidc-audience-mapper",
                        Json.createObjectBuilder()
                            .add("included.custom.audience", settings.audience())
                            .add("access.token.claim", "true")
                            .add("id.token.claim", "false")))
                .add(
                    mapper(
                        "groups",
                        "oidc-group-membership-mapper",
                        Json.createObjectBuilder()
                            .add("claim.name", "groups")
                            .add("full.path", "true")
                            .add("access.token.claim", "true")
                            .add("id.token.claim", "true")
                            .add("userinfo.token.claim", "true"))))
        .build();
  }

  private static JsonObject mapper(
      String name, String type, jakarta.json.JsonObjectBuilder config) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("protocol", "openid-connect")
        .add("protocolMapper", type)
        .add("config", config)
        .build();
  }

  // ---- role groups

  /** The role group's id; the common case (it exists) is one lookup by path. */
  public String ensureRoleGroup(String slug, StaffRole role) {
    Optional<String> existing = findGroupByPath("tenants/" + slug + "/" + role.groupName());
    if (existing.isPresent()) {
      return existing.get();
    }
    String tenants = ensureTopGroup("tenants");
    String tenant = ensureChildGroup(tenants, slug);
    return ensureChildGroup(tenant, role.groupName());
  }

  public Optional<String> findGroupByPath(String path) {
    var reply = kc.get("/group-by-path/" + path);
    return reply.status() == 404
        ? Optional.empty()
        : Optional.of(kc.expect(reply, "find group").object().getString("id"));
  }

  public void deleteTenantGroups(String slug) {
    findGroupByPath("tenants/" + slug)
        .ifPresent(id -> kc.expect(kc.delete("/groups/" + id), "delete group", 404));
  }

  public List<String> groupMemberIds(String groupId) {
    return kc
        .expect(
            kc.get("/groups/" + groupId + "/members?briefRepresentation=true&max=1000"),
            "list group")
        .array()
        .stream()
        .map(v -> v.asJsonObject().getString("id"))
        .toList();
  }

  public void joinGroup(String userId, String groupId) {
    kc.expect(kc.put("/users/" + userId + "/groups/" + groupId, null), "join group");
  }

  public void leaveGroup(String userId, String groupId) {
    kc.expect(kc.delete("/users/" + userId + "/groups/" + groupId), "leave group", 404);
  }

  private String ensureTopGroup(String name) {
    Optional<String> existing = findGroupByPath(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    var created = kc.post("/groups", Json.createObjectBuilder().add("name", name).build());
    if (created.status() == 409) {
      return findGroupByPath(name).orElseThrow();
    }
    return kc.expect(created, "create group").createdId();
  }

  private String ensureChildGroup(String parentId, String name) {
    var children =
        kc.expect(
            kc.get("/groups/" + parentId + "/children?max=1000&briefRepresentation=true"),
            "list subgroups");
    for (JsonValue v : children.array()) {
      if (name.equals(v.asJsonObject().getString("name"))) {
        return v.asJsonObject().getString("id");
      }
    }
    var created =
        kc.post(
            "/groups/" + parentId + "/children",
            Json.createObjectBuilder().add("name", name).build());
    if (created.status() == 409) {
      return ensureChildGroup(parentId, name);
    }
    created = kc.expect(created, "create subgroup");
    return created.location().isPresent() ? created.createdId() : created.object().getString("id");
  }

  // ---- users

  public Optional<JsonObject> findUserByEmail(String email) {
    return kc
        .expect(kc.get("/users?email=" + enc(email) + "&exact=true"), "find user")
        .array()
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(u -> email.equalsIgnoreCase(u.getString("email", "")))
        .findFirst();
  }

  /** Creates a user who must choose a new password at first sign-in; returns the id. */
  public String createUser(String email, String temporaryPassword) {
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("emailVerified", true)
            .add("enabled", true)
            .add("firstName", email.substring(0, email.indexOf('@')))
            .add("lastName", "-")
            .add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD"))
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", temporaryPassword)
                            .add("temporary", true)))
            .build();
    var reply = kc.post("/users", user);
    if (reply.status() == 409) {
      return findUserByEmail(email).map(u -> u.getString("id")).orElseThrow();
    }
    return kc.expect(reply, "create user").createdId();
  }

  static String str(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }
}
