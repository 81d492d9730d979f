package io.marquee.common.problem;

/**
 * A failure the caller can act on, rendered as RFC 9457 {@code application/problem+json}. {@code
 * field} names the offending input field when there is one.
 */
public class ProblemException extends RuntimeException {
  private final int status;
  private final String title;
  private final String field;
  private java.util.Map<String, String> errors = java.util.Map.of();

  public ProblemException(int status, String title, String detail, String field) {
    super(detail);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  /**
   * 400 naming several fields at once: {@code field} is the first, {@code errors} has them all
   * (field → message).
   */
  public static ProblemException invalidFields(java.util.Map<String, String> errors) {
    var sorted = new java.util.TreeMap<>(errors);
    String first = sorted.firstKey();
    ProblemException e =
        new ProblemException(400, "Invalid input", String.join("; ", sorted.values()), first);
    e.errors = java.util.Collections.unmodifiableMap(sorted);
    return e;
  }

  /** Every offending field with its message (empty when only {@link #field()} is known). */
  public java.util.Map<String, String> errors() {
    return errors;
  }

  public static ProblemException invalid(String field, String detail) {
    return new ProblemException(400, "Invalid input", detail, field);
  }

  /** 422: the request is well-formed but the business rules refuse it. */
  public static ProblemException unprocessable(String field, String detail) {
    return new ProblemException(422, "Unprocessable request", detail, field);
  }

  /** 409 with a specific title, e.g. "Sold out". */
  public static ProblemException conflict(String title, String field, String detail) {
    return new ProblemException(409, title, detail, field);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "Not found", detail, null);
  }

  public static ProblemException conflict(String field, String detail) {
    return new ProblemException(409, "Conflict", detail, field);
  }

  public static ProblemException unauthorized(String detail) {
    return new ProblemException(401, "Unauthorized", detail, null);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "Forbidden", detail, null);
  }

  public static ProblemException tooLarge(String field, String detail) {
    return new ProblemException(413, "Payload too large", detail, field);
  }

  public static ProblemException unsupportedMedia(String field, String detail) {
    return new ProblemException(415, "Unsupported media type", detail, field);
  }

  public static ProblemException tooManyRequests(String field, String detail) {
    return new ProblemException(429, "Too many requests", detail, field);
  }

  public static ProblemException unavailable(String field, String detail) {
    return new ProblemException(503, "Service unavailable", detail, field);
  }

  public static ProblemException badGateway(String detail) {
    return new ProblemException(502, "Upstream service failed", detail, null);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String field() {
    return field;
  }
}
