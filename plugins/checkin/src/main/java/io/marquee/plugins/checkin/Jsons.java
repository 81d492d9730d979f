package io.marquee.plugins.checkin;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON provider for the plugin. {@code Jsons.P.createObjectBuilder()} looks the provider up
 * through the service loader on every call; on the door's scan path that lookup was an eighth of
 * the CPU time.
 */
final class Jsons {
  static final JsonProvider P = JsonProvider.provider();

  private Jsons() {}
}
