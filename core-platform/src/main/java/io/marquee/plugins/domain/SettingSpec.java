package io.marquee.plugins.domain;

import java.util.List;
import java.util.Optional;

/**
 * One setting a plugin declares in its listing ({@code setting.<key>.type}, {@code .label}, {@code
 * .default}, {@code .min}, {@code .max}, {@code .options}, {@code .required}), and how a value a
 * tenant typed is checked against it.
 */
public record SettingSpec(
    String key,
    Type type,
    String label,
    String defaultValue,
    Long min,
    Long max,
    List<String> options,
    boolean required) {

  /** text: up to max characters (500 by default); int: min..max; choice: one of options. */
  public enum Type {
    TEXT,
    INT,
    BOOLEAN,
    EMAIL,
    URL,
    CHOICE
  }

  /** Why {@code value} is not acceptable, or empty; blank means "not set". */
  public Optional<String> problem(String value) {
    if (value == null || value.isBlank()) {
      return required ? Optional.of(label + " is required") : Optional.empty();
    }
    String v = value.strip();
    return switch (type) {
      case TEXT ->
          v.length() > (max == null ? 500 : max)
              ? Optional.of(
                  label + " can have at most " + (max == null ? 500 : max) + " characters")
              : Optional.empty();
      case INT -> intProblem(v);
      case BOOLEAN ->
          v.equals("true") || v.equals("false")
              ? Optional.empty()
              : Optional.of(label + " must be true or false");
      case EMAIL ->
          v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && v.length() <= 254
              ? Optional.empty()
              : Optional.of(label + " must be an email address");
      case URL ->
          v.matches("https?://[^\\s]+") && v.length() <= 500
              ? Optional.empty()
              : Optional.of(label + " must be an http or https address");
      case CHOICE ->
          options.contains(v)
              ? Optional.empty()
              : Optional.of(label + " must be one of " + options);
    };
  }

  private Optional<String> intProblem(String v) {
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      return Optional.of(label + " must be a whole number");
    }
    if ((min != null && n < min) || (max != null && n > max) || n != (int) n) {
      return Optional.of(
          label
              + " must be between "
              + (min == null ? Integer.MIN_VALUE : min)
              + " and "
              + (max == null ? Integer.MAX_VALUE : max));
    }
    return Optional.empty();
  }
}
