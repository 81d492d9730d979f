package io.marquee.tenancy.application;

import io.marquee.common.problem.ProblemException;
import io.marquee.plugin.api.TenantRef;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of tenant attributes; each failure names the field. */
public final class TenantRules {
  private static final Pattern HOST =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  private TenantRules() {}

  public static String slug(String slug) {
    if (!TenantRef.isValidSlug(slug)) {
      throw ProblemException.invalid(
          "slug",
          "slug must be 3-40 characters: lower-case letters, digits and hyphens, starting with a letter");
    }
    return slug;
  }

  public static String displayName(String name) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw ProblemException.invalid(
          "displayName", "displayName is required (at most 100 characters)");
    }
    return name.strip();
  }

  public static String currency(String code) {
    try {
      if (code != null && code.length() == 3 && code.equals(code.toUpperCase(Locale.ROOT))) {
        return Currency.getInstance(code).getCurrencyCode();
      }
    } catch (IllegalArgumentException e) {
      // fall through to the problem below
    }
    throw ProblemException.invalid(
        "currency", "currency must be an ISO 4217 code such as INR, ZAR or IDR");
  }

  public static String locale(String tag) {
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag == null ? "" : tag).build();
      if (!locale.getLanguage().isEmpty()) {
        return locale.toLanguageTag();
      }
    } catch (IllformedLocaleException e) {
      // fall through
    }
    throw ProblemException.invalid(
        "locale", "locale must be a BCP 47 language tag such as en-IN or id-ID");
  }

  public static String timeZone(String zone) {
    try {
      if (zone != null && zone.contains("/")) {
        return ZoneId.of(zone).getId();
      }
    } catch (DateTimeException e) {
      // fall through
    }
    throw ProblemException.invalid(
        "timeZone", "timeZone must be an IANA zone id such as Asia/Kolkata");
  }

  public static String host(String field, String host) {
    String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    if (!HOST.matcher(h).matches()) {
      throw ProblemException.invalid(field, "not a valid host name: " + host);
    }
    return h;
  }

  /** A colour as #rrggbb, or null when not set. */
  public static String color(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!COLOR.matcher(value).matches()) {
      throw ProblemException.invalid(field, field + " must be a colour like #1a2b3c");
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
