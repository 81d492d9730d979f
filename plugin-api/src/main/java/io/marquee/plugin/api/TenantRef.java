package io.marquee.plugin.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies the tenant a plugin call is made for. Plugins always receive the tenant as a
 * parameter; they never look it up themselves.
 *
 * @param slug the tenant's stable, URL-safe identifier (lower-case letters, digits and hyphens)
 * @param currency the tenant's ISO 4217 currency code
 * @param locale the tenant's BCP 47 locale tag, e.g. {@code en-IN}
 * @param timeZone the tenant's IANA time zone id, e.g. {@code Asia/Kolkata}
 */
public record TenantRef(String slug, String currency, String locale, String timeZone) {
  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,38}[a-z0-9]");

  public TenantRef {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(timeZone, "timeZone");
    if (!SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException("invalid tenant slug: " + slug);
    }
  }

  /** Whether {@code candidate} is a syntactically valid tenant slug. */
  public static boolean isValidSlug(String candidate) {
    return candidate != null && SLUG.matcher(candidate).matches();
  }
}
