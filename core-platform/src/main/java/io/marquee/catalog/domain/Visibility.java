package io.marquee.catalog.domain;

import java.util.Locale;

/** Who sees a ticket type on the storefront: everyone, nobody (staff/API only), or code holders. */
public enum Visibility {
  PUBLIC,
  HIDDEN,
  CODE;

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Visibility parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
