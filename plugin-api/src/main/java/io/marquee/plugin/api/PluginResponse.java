package io.marquee.plugin.api;

import java.nio.charset.StandardCharsets;

/** What a plugin endpoint answers: status, content type and body. */
public record PluginResponse(int status, String contentType, byte[] body) {
  public static PluginResponse html(int status, String html) {
    return new PluginResponse(
        status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
  }

  public static PluginResponse json(int status, String json) {
    return new PluginResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }
}
