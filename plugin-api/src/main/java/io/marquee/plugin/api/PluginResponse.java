package io.marquee.plugin.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a plugin endpoint or console screen answers: status, content type, body and extra headers
 * (only {@code Location} and {@code Cache-Control} are passed on).
 */
public record PluginResponse(
    int status, String contentType, byte[] body, Map<String, String> headers) {
  public PluginResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** The 0.1 form, without headers. */
  public PluginResponse(int status, String contentType, byte[] body) {
    this(status, contentType, body, Map.of());
  }

  public static PluginResponse html(int status, String html) {
    return new PluginResponse(
        status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
  }

  public static PluginResponse json(int status, String json) {
    return new PluginResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * 303 See Other to {@code location}: after a form post, send the browser to the page showing the
   * result (post/redirect/get). Since 0.2.0.
   */
  public static PluginResponse redirect(String location) {
    return new PluginResponse(303, "text/plain", new byte[0], Map.of("Location", location));
  }
}
