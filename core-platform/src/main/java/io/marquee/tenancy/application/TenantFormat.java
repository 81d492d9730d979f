package io.marquee.tenancy.application;

import io.marquee.common.domain.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Money and dates the way a tenant's visitors read them: their locale, currency and zone. */
public final class TenantFormat {
  private TenantFormat() {}

  public static Locale locale(TenantSnapshot t) {
    return Locale.forLanguageTag(t.locale());
  }

  public static String money(TenantSnapshot t, long minor, String currency) {
    NumberFormat f = NumberFormat.getCurrencyInstance(locale(t));
    f.setCurrency(Currency.getInstance(currency));
    return f.format(Money.of(minor, currency).toDecimal());
  }

  public static String when(TenantSnapshot t, Instant instant, String zone) {
    return instant
        .atZone(ZoneId.of(zone))
        .format(
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale(t)));
  }

  public static String time(TenantSnapshot t, Instant instant, String zone) {
    return instant
        .atZone(ZoneId.of(zone))
        .format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale(t)));
  }
}
