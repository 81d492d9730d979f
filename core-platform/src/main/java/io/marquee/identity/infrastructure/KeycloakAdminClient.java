package io.marquee.identity.infrastructure;

import io.marquee.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A thin client of Keycloak's Admin REST API, authenticated as the {@code marquee-platform} service
 * account. It knows HTTP and JSON, not Marquee's rules (those live in the identity application
 * services).
 */
@ApplicationScoped
public class KeycloakAdminClient {
  @Inject KeycloakSettings keycloak;

  // HTTP/1.1 with a connection pool: over plain http the JDK's default (HTTP/2) first tries an h2c
  // upgrade and then funnels every concurrent admin call through one connection.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String token;
  private Instant tokenExpiry = Instant.EPOCH;

  /** An admin API answer. */
  public record Reply(int status, String body, Optional<String> location) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public JsonArray array() {
      return Json.createReader(new StringReader(body)).readArray();
    }

    public JsonObject object() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    /** The id at the end of the Location header of a 201 Created. */
    public String createdId() {
      String loc =
          location.orElseThrow(() -> new IllegalStateException("no Location in Keycloak reply"));
      return loc.substring(loc.lastIndexOf('/') + 1);
    }
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, JsonValue body) {
    return send("POST", path, body);
  }

  public Reply put(String path, JsonValue body) {
    return send("PUT", path, body);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** Fails with 502 unless the reply is 2xx (or one of the allowed statuses). */
  public Reply expect(Reply reply, String what, int... alsoAllowed) {
    if (reply.ok()) {
      return reply;
    }
    for (int s : alsoAllowed) {
      if (reply.status() == s) {
        return reply;
      }
    }
    throw ProblemException.badGateway(
        "Keycloak refused to " + what + " (HTTP " + reply.status() + "): " + reply.body());
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Reply send(String method, String path, JsonValue body) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(keycloak.adminUrl() + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + accessToken())
            .header("Accept", "application/json");
    if (body != null) {
      req.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      req.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> res;
      try {
        res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        // A pooled keep-alive connection that Keycloak has just closed fails at once; a read is
        // safe to repeat on a fresh one. Writes are not repeated, and neither is a timeout.
        if (!"GET".equals(method) || e instanceof java.net.http.HttpTimeoutException) {
          throw e;
        }
        res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      }
      return new Reply(res.statusCode(), res.body(), res.headers().firstValue("Location"));
    } catch (IOException e) {
      throw ProblemException.badGateway("Keycloak is unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.badGateway("interrupted while calling Keycloak");
    }
  }

  private synchronized String accessToken() {
    if (token != null && Instant.now().isBefore(tokenExpiry)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + enc(keycloak.platformClientId())
            + "&client_secret="
            + enc(keycloak.platformClientSecret());
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw ProblemException.badGateway(
            "Keycloak refused the platform service account (HTTP " + res.statusCode() + ")");
      }
      JsonObject json = Json.createReader(new StringReader(res.body())).readObject();
      token = json.getString("access_token");
      tokenExpiry = Instant.now().plusSeconds(Math.max(10, json.getInt("expires_in", 60) - 30));
      return token;
    } catch (IOException e) {
      throw ProblemException.badGateway("Keycloak is unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.badGateway("interrupted while calling Keycloak");
    }
  }

  /** Is Keycloak answering (for readiness)? */
  public boolean reachable() {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(
                  URI.create(keycloak.realmUrl() + "/.well-known/openid-configuration"))
              .timeout(Duration.ofSeconds(3))
              .build();
      return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
