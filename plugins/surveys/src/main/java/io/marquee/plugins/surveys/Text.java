package io.marquee.plugins.surveys;

import io.marquee.plugin.api.PluginContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The add-on's words in the tenant's language (text_<lang>.properties inside the plugin jar). */
final class Text {
  private final Locale locale;
  private final ResourceBundle bundle;

  private Text(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "io.marquee.plugins.surveys.text", locale, Text.class.getClassLoader());
  }

  static Text of(PluginContext ctx) {
    return new Text(Locale.forLanguageTag(ctx.tenant().locale()));
  }

  /** Patterns get their arguments as given: escape text from people before passing it. */
  String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
