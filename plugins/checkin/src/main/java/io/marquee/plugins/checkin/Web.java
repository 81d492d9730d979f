package io.marquee.plugins.checkin;

import io.marquee.plugin.api.PluginResponse;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** JSON in and out of the door API (JSON-P, provided by the server), and HTML escaping. */
final class Web {
  private Web() {}

  /** A request body as a JSON object. @throws IllegalArgumentException when it is not one */
  static JsonObject body(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a JSON object is expected as the body");
    }
    try {
      JsonValue v = Jsons.P.createReader(new StringReader(text)).readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException("a JSON object is expected as the body");
      }
      return v.asJsonObject();
    } catch (JsonException e) {
      throw new IllegalArgumentException("the body is not valid JSON");
    }
  }

  static String text(JsonObject o, String field) {
    JsonValue v = o.get(field);
    return v instanceof jakarta.json.JsonString s ? s.getString() : null;
  }

  static PluginResponse json(int status, JsonObjectBuilder b) {
    return PluginResponse.json(status, b.build().toString());
  }

  /** problem+json naming the field, as the platform's own API answers. */
  static PluginResponse problem(int status, String field, String detail) {
    JsonObjectBuilder b =
        Jsons.P.createObjectBuilder()
            .add("type", "about:blank")
            .add(
                "title",
                status == 401 ? "Not signed in" : status == 403 ? "Forbidden" : "Invalid input")
            .add("status", status)
            .add("detail", detail);
    if (field != null) {
      b.add("field", field);
    }
    return new PluginResponse(
        status,
        "application/problem+json",
        b.build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
