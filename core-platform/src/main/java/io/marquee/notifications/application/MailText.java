package io.marquee.notifications.application;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Mail words in the tenant's language ({@code mail_<lang>.properties} beside the English). */
final class MailText {
  private final Locale locale;

  MailText(Locale locale) {
    this.locale = locale;
  }

  String get(String key, Object... args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle("io.marquee.notifications.mail", locale).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
