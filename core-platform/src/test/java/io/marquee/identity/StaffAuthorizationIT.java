package io.marquee.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.marquee.support.Api;
import io.marquee.support.Keycloak;
import io.marquee.support.Platform;
import io.marquee.support.Tenants;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real Keycloak tokens accepted or refused by organization membership and role; API keys by scope.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffAuthorizationIT {
  static String slug;
  static String owner;
  static String ownerToken;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void tenant() {
    slug = Tenants.uniqueSlug("auth");
    owner = Keycloak.createUser("owner");
    Tenants.provision(Keycloak.operatorToken(), slug, owner);
    ownerToken = Keycloak.token(owner, Keycloak.passwordOf(owner));
  }

  static Api as(String token) {
    return Api.host(Tenants.host(slug)).bearer(token);
  }

  /** Invites a new person with a role through the team API and signs them in. */
  static String staffToken(String role) {
    String email = Keycloak.createUser(role.replace("-", ""));
    Api.Reply invited =
        as(ownerToken)
            .post("/api/console/team", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
    assertEquals(201, invited.status(), invited.toString());
    assertEquals(role, invited.json().getString("role"));
    assertFalse(
        invited.json().containsKey("temporaryPassword"), "existing account needs no password");
    return Keycloak.token(email, Keycloak.passwordOf(email));
  }

  @Test
  void rolesDecideWhatStaffMayDo() {
    String manager = staffToken("manager");
    String door = staffToken("door-staff");
    String finance = staffToken("finance");

    assertEquals(
        201,
        as(ownerToken)
            .post("/api/console/api-keys", "{\"name\":\"k\",\"scope\":\"read\"}")
            .status());
    assertEquals(
        403,
        as(manager).post("/api/console/api-keys", "{\"name\":\"k\",\"scope\":\"read\"}").status());
    assertEquals(
        200, as(manager).put("/api/console/branding", "{\"accentColor\":\"#123456\"}").status());
    assertEquals(
        403, as(door).put("/api/console/branding", "{\"accentColor\":\"#654321\"}").status());
    assertEquals(200, as(door).get("/api/console/branding").status());
    assertEquals(403, as(door).get("/api/console/audit").status());
    assertEquals(200, as(finance).get("/api/console/audit").status());
    assertEquals(
        403,
        as(finance)
            .post("/api/console/team", "{\"email\":\"x@y.test\",\"role\":\"viewer\"}")
            .status());
  }

  @Test
  void teamInviteCreatesAccountsAndRolesCanChange() {
    String email = "new-" + Tenants.uniqueSlug("p") + "@it.test";
    Api.Reply invited =
        as(ownerToken)
            .post("/api/console/team", "{\"email\":\"" + email + "\",\"role\":\"viewer\"}");
    assertEquals(201, invited.status(), invited.toString());
    assertTrue(invited.json().getString("temporaryPassword").length() >= 12);
    String id = invited.json().getString("id");
    Api.Reply changed =
        as(ownerToken).put("/api/console/team/" + id + "/role", "{\"role\":\"manager\"}");
    assertEquals("manager", changed.json().getString("role"));
    List<JsonObject> team =
        as(ownerToken)
            .get("/api/console/team")
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertTrue(
        team.stream()
            .anyMatch(
                m -> m.getString("email").equals(email) && m.getString("role").equals("manager")));
    assertEquals(204, as(ownerToken).delete("/api/console/team/" + id).status());
    team =
        as(ownerToken)
            .get("/api/console/team")
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertFalse(team.stream().anyMatch(m -> m.getString("email").equals(email)));
    // Bad input names the field.
    Api.Reply bad =
        as(ownerToken)
            .post("/api/console/team", "{\"email\":\"not-an-email\",\"role\":\"viewer\"}");
    assertEquals(400, bad.status());
    assertEquals("email", bad.json().getString("field"));
    Api.Reply badRole =
        as(ownerToken).post("/api/console/team", "{\"email\":\"a@b.test\",\"role\":\"king\"}");
    assertEquals("role", badRole.json().getString("field"));
  }

  @Test
  void nonMembersAndForgedTokensAreRefused() throws Exception {
    String outsider = Keycloak.createUser("outsider");
    assertEquals(
        403,
        as(Keycloak.token(outsider, Keycloak.passwordOf(outsider)))
            .get("/api/console/branding")
            .status());
    assertEquals(401, as("not-a-jwt").get("/api/console/branding").status());

    // Same claims as a real token, signed with a key Keycloak never published.
    String[] parts = ownerToken.split("\\.");
    Map<String, Object> claims =
        JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(parts[1]))).toJSONObject();
    RSAKey rogue =
        new RSAKeyGenerator(2048)
            .keyID(SignedJWT.parse(ownerToken).getHeader().getKeyID())
            .generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rogue.getKeyID()).build(),
            JWTClaimsSet.parse(claims));
    forged.sign(new RSASSASigner(rogue));
    assertEquals(401, as(forged.serialize()).get("/api/console/branding").status());

    // A real signature over altered claims (a tampered payload) fails too.
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(Base64.getUrlDecoder().decode(parts[1]))
                        .replace(owner, "someone@else.test")
                        .getBytes())
            + "."
            + parts[2];
    assertEquals(401, as(tampered).get("/api/console/branding").status());

    // "alg": "none" is never accepted.
    String none =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + parts[1]
            + ".";
    assertEquals(401, as(none).get("/api/console/branding").status());

    // Expired: same key id, rogue key, past expiry - refused either way, and never a 500.
    JWTClaimsSet expired =
        new JWTClaimsSet.Builder(JWTClaimsSet.parse(claims))
            .expirationTime(new Date(System.currentTimeMillis() - 60_000))
            .build();
    SignedJWT old =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rogue.getKeyID()).build(), expired);
    old.sign(new RSASSASigner(rogue));
    assertEquals(401, as(old.serialize()).get("/api/console/branding").status());
  }

  @Test
  void apiKeysAreScopedShownOnceAndRevocable() {
    Api.Reply created =
        as(ownerToken).post("/api/console/api-keys", "{\"name\":\"reader\",\"scope\":\"read\"}");
    assertEquals(201, created.status());
    String key = created.json().getString("key");
    String id = created.json().getString("id");
    Api withKey = Api.host(Tenants.host(slug)).apiKey(key);
    assertEquals(200, withKey.get("/api/console/audit").status());
    assertEquals(
        403, withKey.put("/api/console/branding", "{\"accentColor\":\"#111111\"}").status());
    assertEquals(403, withKey.get("/api/console/api-keys").status());
    JsonObject listed =
        as(ownerToken)
            .get("/api/console/api-keys")
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(k -> k.getString("id").equals(id))
            .findFirst()
            .orElseThrow();
    assertFalse(listed.containsKey("key"), "the secret is shown only once");
    assertTrue(listed.containsKey("lastUsedAt"), "last use is recorded");
    assertEquals(200, as(ownerToken).delete("/api/console/api-keys/" + id).status());
    Api.Reply revoked = withKey.get("/api/console/audit");
    assertEquals(401, revoked.status());
    assertTrue(revoked.isProblem());
    assertEquals(
        401,
        Api.host(Tenants.host(slug)).apiKey("mq_bogus_key").get("/api/console/audit").status());
    Api.Reply bad =
        as(ownerToken).post("/api/console/api-keys", "{\"name\":\"x\",\"scope\":\"admin\"}");
    assertEquals("scope", bad.json().getString("field"));
  }

  @Test
  void logoUploadsAreCheckedByContent() {
    Api api = as(ownerToken);
    Api.Reply notImage =
        api.putBytes("/api/console/branding/logo", "<svg onload=alert(1)>".getBytes(), "image/png");
    assertEquals(415, notImage.status());
    assertEquals("logo", notImage.json().getString("field"));
    byte[] huge = new byte[600 * 1024];
    System.arraycopy(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, huge, 0, 8);
    Api.Reply tooBig = api.putBytes("/api/console/branding/logo", huge, "image/png");
    assertEquals(413, tooBig.status());
    assertEquals("logo", tooBig.json().getString("field"));
    byte[] png =
        Base64.getDecoder()
            .decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    Api.Reply ok = api.putBytes("/api/console/branding/logo", png, "image/png");
    assertEquals(200, ok.status(), ok.toString());
    assertTrue(ok.json().getBoolean("hasLogo"));
  }
}
