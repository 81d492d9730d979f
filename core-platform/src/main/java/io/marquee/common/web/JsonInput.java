package io.marquee.common.web;

import io.marquee.common.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads fields of a JSON request body, answering a wrong type or value with a 400 that names the
 * field (a {@code ClassCastException} from jakarta.json would otherwise become a 500).
 */
public final class JsonInput {
  private final JsonObject body;
  private final String prefix;

  private JsonInput(JsonObject body, String prefix) {
    this.body = body;
    this.prefix = prefix;
  }

  public static JsonInput of(JsonObject body) {
    if (body == null) {
      throw ProblemException.invalid("body", "a JSON object body is required");
    }
    return new JsonInput(body, "");
  }

  public JsonObject raw() {
    return body;
  }

  public String name(String field) {
    return prefix + field;
  }

  public boolean has(String field) {
    return body.containsKey(field) && body.get(field).getValueType() != JsonValue.ValueType.NULL;
  }

  public String string(String field, int maxLength) {
    if (!has(field)) {
      return null;
    }
    if (!(body.get(field) instanceof JsonString s)) {
      throw ProblemException.invalid(name(field), field + " must be a string");
    }
    String v = s.getString().strip();
    if (v.length() > maxLength) {
      throw ProblemException.invalid(
          name(field), field + " must be at most " + maxLength + " characters");
    }
    return v.isEmpty() ? null : v;
  }

  public String requiredString(String field, int maxLength) {
    String v = string(field, maxLength);
    if (v == null) {
      throw ProblemException.invalid(name(field), field + " is required");
    }
    return v;
  }

  public Long longValue(String field, long min, long max) {
    if (!has(field)) {
      return null;
    }
    if (!(body.get(field) instanceof JsonNumber n) || !n.isIntegral()) {
      throw ProblemException.invalid(name(field), field + " must be a whole number");
    }
    long v;
    try {
      v = n.longValueExact();
    } catch (ArithmeticException e) {
      throw ProblemException.invalid(name(field), field + " is out of range");
    }
    if (v < min || v > max) {
      throw ProblemException.invalid(
          name(field), field + " must be between " + min + " and " + max);
    }
    return v;
  }

  public Integer intValue(String field, int min, int max) {
    Long v = longValue(field, min, max);
    return v == null ? null : v.intValue();
  }

  public Boolean bool(String field) {
    if (!has(field)) {
      return null;
    }
    JsonValue v = body.get(field);
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    throw ProblemException.invalid(name(field), field + " must be true or false");
  }

  public UUID uuid(String field) {
    String s = string(field, 36);
    if (s == null) {
      return null;
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(name(field), field + " must be a UUID");
    }
  }

  /**
   * A point in time: an ISO instant with offset ({@code 2026-12-31T21:00:00+02:00}) or a local date
   * and time read in {@code zone}.
   */
  public Instant time(String field, ZoneId zone) {
    String s = string(field, 40);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(s).atZone(zone).toInstant();
      } catch (DateTimeException e2) {
        throw ProblemException.invalid(
            name(field), field + " must be an ISO date-time, e.g. 2026-12-31T21:00");
      }
    }
  }

  public List<String> strings(String field, int maxItems, int maxLength) {
    if (!has(field)) {
      return null;
    }
    if (!(body.get(field) instanceof JsonArray a)) {
      throw ProblemException.invalid(name(field), field + " must be an array of strings");
    }
    if (a.size() > maxItems) {
      throw ProblemException.invalid(name(field), field + " may hold at most " + maxItems);
    }
    List<String> out = new ArrayList<>();
    for (JsonValue v : a) {
      if (!(v instanceof JsonString s) || s.getString().length() > maxLength) {
        throw ProblemException.invalid(
            name(field), field + " must hold strings of at most " + maxLength + " characters");
      }
      out.add(s.getString().strip());
    }
    return out;
  }

  public List<UUID> uuids(String field, int maxItems) {
    List<String> raw = strings(field, maxItems, 36);
    if (raw == null) {
      return null;
    }
    try {
      return raw.stream().map(UUID::fromString).toList();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(name(field), field + " must hold UUIDs");
    }
  }

  /** Objects of an array, each readable with field names prefixed {@code field[i].}. */
  public List<JsonInput> objects(String field, int maxItems) {
    if (!has(field)) {
      return null;
    }
    if (!(body.get(field) instanceof JsonArray a)) {
      throw ProblemException.invalid(name(field), field + " must be an array");
    }
    if (a.size() > maxItems) {
      throw ProblemException.invalid(name(field), field + " may hold at most " + maxItems);
    }
    List<JsonInput> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof JsonObject o)) {
        throw ProblemException.invalid(name(field) + "[" + i + "]", "must be an object");
      }
      out.add(new JsonInput(o, name(field) + "[" + i + "]."));
    }
    return out;
  }

  public JsonInput object(String field) {
    if (!has(field)) {
      return null;
    }
    if (!(body.get(field) instanceof JsonObject o)) {
      throw ProblemException.invalid(name(field), field + " must be an object");
    }
    return new JsonInput(o, name(field) + ".");
  }
}
