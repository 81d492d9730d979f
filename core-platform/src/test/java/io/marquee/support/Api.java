package io.marquee.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP calls to the test server as a browser or integrator would make them: to 127.0.0.1 with the
 * tenant's Host (the JVM cannot resolve *.localhost itself).
 */
public final class Api {

  /** A reply with its body parsed when it is JSON. */
  public record Reply(int status, String contentType, String body, String head) {
    /** A response header's value, or null. */
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

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
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

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

  /** A copy of this client that also sends {@code name: value}. */
  public Api header(String name, String value) {
    Api copy = new Api(host);
    copy.bearer = bearer;
    copy.apiKey = apiKey;
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  /** A copy without credentials (a guest buyer on the same site). */
  public Api anonymous() {
    Api copy = new Api(host);
    copy.headers.putAll(headers);
    return copy;
  }

  public Reply send(String method, String path, String body, String contentType) {
    return send(method, path, (Object) body, contentType);
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

  /**
   * Plain HTTP/1.1 over a socket: the JDK client cannot be relied on to send a custom Host header
   * inside the test JVM (its restricted-header switch depends on class-initialisation order), and
   * Host is what we test.
   */
  private Reply send(String method, String path, Object body, String contentType) {
    if (body instanceof String str && contentType == null) {
      contentType = "application/json";
      body = str;
    }
    byte[] payload =
        body instanceof String s
            ? s.getBytes(StandardCharsets.UTF_8)
            : body instanceof byte[] b ? b : new byte[0];
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(Platform.httpPort()).append("\r\n");
    head.append("Accept: application/json, */*;q=0.5\r\nConnection: close\r\n");
    if (bearer != null) {
      head.append("Authorization: Bearer ").append(bearer).append("\r\n");
    }
    if (apiKey != null) {
      head.append("X-Api-Key: ").append(apiKey).append("\r\n");
    }
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (body != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", Platform.httpPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  private static Reply parse(byte[] raw) {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    int split = all.indexOf("\r\n\r\n");
    String[] lines = all.substring(0, split).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String contentType = null;
    boolean chunked = false;
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        contentType = line.substring(13).trim();
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    byte[] rest = Arrays.copyOfRange(raw, split + 4, raw.length);
    if (chunked) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int pos = 0;
      while (true) {
        int eol = indexOf(rest, pos);
        int size =
            Integer.parseInt(
                new String(rest, pos, eol - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim(),
                16);
        if (size == 0) {
          break;
        }
        body.write(rest, eol + 2, size);
        pos = eol + 2 + size + 2;
      }
      rest = body.toByteArray();
    }
    return new Reply(
        status, contentType, new String(rest, StandardCharsets.UTF_8), all.substring(0, split));
  }

  private static int indexOf(byte[] data, int from) {
    for (int i = from; i < data.length - 1; i++) {
      if (data[i] == '\r' && data[i + 1] == '\n') {
        return i;
      }
    }
    throw new IllegalStateException("malformed chunked body");
  }
}
