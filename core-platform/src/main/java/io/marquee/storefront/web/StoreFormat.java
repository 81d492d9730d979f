package io.marquee.storefront.web;

import io.marquee.common.domain.Money;
import io.marquee.tenancy.application.TenantSnapshot;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Money and dates the way the tenant's visitors read them: their locale, currency and zone. */
final class StoreFormat {
  private StoreFormat() {}

  static String money(TenantSnapshot t, long minor, String currency) {
    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(t.locale()));
    f.setCurrency(Currency.getInstance(currency));
    return f.format(Money.of(minor, currency).toDecimal());
  }

  static String when(TenantSnapshot t, Instant instant, String zone) {
    return instant
        .atZone(ZoneId.of(zone))
        .format(
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(t.locale())));
  }
}
