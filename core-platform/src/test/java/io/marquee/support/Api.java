package io.marquee.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP calls to the test server as a browser or integrator would make them: to 127.0.0.1 with the
 * tenant's Host (the JVM cannot resolve *.localhost itself).
 */
public final class Api {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A reply with its body parsed when it is JSON. */
  public record Reply(int status, String contentType, String body) {
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public JsonStructure any() {
      return Json.createReader(new StringReader(body)).read();
    }

    public boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final String host;
  private String bearer;
  private String apiKey;

  private Api(String host) {
    this.host = host;
  }

  public static Api host(String host) {
    return new Api(host);
  }

  public static Api platform() {
    return new Api("localhost");
  }

  public Api bearer(String token) {
    this.bearer = token;
    return this;
  }

  public Api apiKey(String key) {
    this.apiKey = key;
    return this;
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public Reply put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  public Reply putBytes(String path, byte[] body, String contentType) {
    return send("PUT", path, body, contentType);
  }

  private Reply send(String method, String path, Object body, String contentType) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Platform.httpPort() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Host", host + ":" + Platform.httpPort())
            .header("Accept", "application/json");
    if (bearer != null) {
      req.header("Authorization", "Bearer " + bearer);
    }
    if (apiKey != null) {
      req.header("X-Api-Key", apiKey);
    }
    if (body instanceof String s) {
      req.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(s));
    } else if (body instanceof byte[] b) {
      req.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofByteArray(b));
    } else {
      req.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> res = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          res.statusCode(), res.headers().firstValue("Content-Type").orElse(null), res.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
