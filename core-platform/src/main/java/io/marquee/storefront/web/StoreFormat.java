package io.marquee.storefront.web;

import io.marquee.tenancy.application.TenantFormat;
import io.marquee.tenancy.application.TenantSnapshot;
import java.time.Instant;

/** Shorthands for the storefront pages (the rules live in {@link TenantFormat}). */
final class StoreFormat {
  private StoreFormat() {}

  static String money(TenantSnapshot t, long minor, String currency) {
    return TenantFormat.money(t, minor, currency);
  }

  static String time(TenantSnapshot t, Instant instant, String zone) {
    return TenantFormat.time(t, instant, zone);
  }

  static String when(TenantSnapshot t, Instant instant, String zone) {
    return TenantFormat.when(t, instant, zone);
  }
}
