package io.marquee.storefront.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The storefront's words in the tenant's language. Pages read the same bundle as {@code #{msg}};
 * adding a language is adding {@code messages_<lang>.properties} beside the English one.
 */
public final class StoreText {
  static final String BUNDLE = "io.marquee.storefront.messages";

  private StoreText() {}

  public static String get(Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
