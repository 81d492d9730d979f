package io.marquee.plugin.api;

import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request to a plugin.
 *
 * @param method GET, POST, …
 * @param path the path below {@code /plugins/<id>}, starting with {@code /} (e.g. {@code /s})
 * @param parameters query and form parameters (first value of each)
 * @param baseUrl the tenant's public base URL, e.g. {@code https://tickets.example.com}
 * @param staffRole the role of the tenant's staff member signed in to the console in this browser
 *     (owner, manager, finance, door-staff, viewer), or null for everybody else
 * @param staffEmail that staff member's email (for audit trails), or null. Since 0.3.0.
 * @param headers request headers, names in lower case (first value of each). Since 0.3.0.
 * @param body the request body as text when it is not a form (e.g. JSON), else empty; at most 1 MiB
 *     is read. Since 0.3.0.
 */
public record PluginRequest(
    String method,
    String path,
    Map<String, String> parameters,
    String baseUrl,
    String staffRole,
    String staffEmail,
    Map<String, String> headers,
    String body) {
  public PluginRequest {
    parameters = Map.copyOf(parameters);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  /** The 0.2 form: no staff email, headers or body. */
  public PluginRequest(
      String method,
      String path,
      Map<String, String> parameters,
      String baseUrl,
      String staffRole) {
    this(method, path, parameters, baseUrl, staffRole, null, Map.of(), "");
  }

  public String parameter(String name) {
    return parameters.get(name);
  }

  /** A header's value, or null; {@code name} in any case. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
