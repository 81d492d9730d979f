package io.marquee.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The real Keycloak the test command starts: real tokens by password grant, and admin calls for
 * fixtures.
 */
public final class Keycloak {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  public static final String URL = env("MARQUEE_KEYCLOAK_URL", "http://localhost:8180");
  public static final String REALM = URL + "/realms/marquee";

  private Keycloak() {}

  /**
   * An access token for a user of the realm, obtained the way integrators do (marquee-cli password
   * grant).
   */
  public static String token(String username, String password) {
    HttpResponse<String> res =
        form(
            REALM + "/protocol/openid-connect/token",
            "grant_type=password&client_id=marquee-cli&scope="
                + enc("openid organization:*")
                + "&username="
                + enc(username)
                + "&password="
                + enc(password));
    if (res.statusCode() != 200) {
      throw new IllegalStateException(
          "no token for " + username + ": " + res.statusCode() + " " + res.body());
    }
    return json(res.body()).getString("access_token");
  }

  public static String operatorToken() {
    return token("operator", "operator");
  }

  /** Creates a user with a known password (a test staff member); returns the email. */
  public static String createUser(String prefix) {
    String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.test";
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("emailVerified", true)
            .add("enabled", true)
            .add("firstName", prefix)
            .add("lastName", "Tester")
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", "pw-" + prefix)
                            .add("temporary", false)))
            .build();
    int status = admin("POST", "/users", user.toString()).statusCode();
    if (status != 201) {
      throw new IllegalStateException("could not create user " + email + ": " + status);
    }
    return email;
  }

  public static String passwordOf(String email) {
    return "pw-" + email.substring(0, email.indexOf('-'));
  }

  /**
   * Creates an organization directly in Keycloak (to make provisioning collide with it); returns
   * its id.
   */
  public static String createOrganization(String name, String alias) {
    JsonObject org =
        Json.createObjectBuilder()
            .add("name", name)
            .add("alias", alias)
            .add(
                "domains",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("name", alias + ".blocker.test")))
            .build();
    HttpResponse<String> res = admin("POST", "/organizations", org.toString());
    if (res.statusCode() != 201) {
      throw new IllegalStateException(
          "could not create organization: " + res.statusCode() + " " + res.body());
    }
    String loc = res.headers().firstValue("Location").orElseThrow();
    return loc.substring(loc.lastIndexOf('/') + 1);
  }

  public static void deleteOrganization(String id) {
    admin("DELETE", "/organizations/" + id, null);
  }

  /** Number of organizations with this alias (0 or 1). */
  public static long organizationsWithAlias(String alias) {
    HttpResponse<String> res =
        admin("GET", "/organizations?search=" + enc(alias) + "&max=100", null);
    return Json.createReader(new StringReader(res.body())).readArray().stream()
        .filter(v -> alias.equals(v.asJsonObject().getString("alias", null)))
        .count();
  }

  public static long clientsWithId(String clientId) {
    HttpResponse<String> res = admin("GET", "/clients?clientId=" + enc(clientId), null);
    return Json.createReader(new StringReader(res.body())).readArray().size();
  }

  private static HttpResponse<String> admin(String method, String path, String body) {
    String secret = env("MARQUEE_KC_PLATFORM_CLIENT_SECRET", null);
    if (secret == null) {
      throw new IllegalStateException(
          "MARQUEE_KC_PLATFORM_CLIENT_SECRET is not set: run the tests through the test command");
    }
    HttpResponse<String> tok =
        form(
            REALM + "/protocol/openid-connect/token",
            "grant_type=client_credentials&client_id=marquee-platform&client_secret="
                + enc(secret));
    String token = json(tok.body()).getString("access_token");
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(URL + "/admin/realms/marquee" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    req.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(req.build());
  }

  private static HttpResponse<String> form(String url, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest req) {
    try {
      return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
