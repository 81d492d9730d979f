package io.marquee.plugin.api;

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
 */
public record PluginRequest(
    String method, String path, Map<String, String> parameters, String baseUrl, String staffRole) {
  public PluginRequest {
    parameters = Map.copyOf(parameters);
  }

  public String parameter(String name) {
    return parameters.get(name);
  }
}
