package io.marquee.tenancy.web;

import io.marquee.tenancy.domain.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** JSON views of tenants for the operator API. */
final class TenantJson {
  private TenantJson() {}

  static JsonObject of(Tenant t, List<String> hosts) {
    JsonArrayBuilder domains = Json.createArrayBuilder();
    hosts.forEach(domains::add);
    return Json.createObjectBuilder()
        .add("id", t.getId().toString())
        .add("slug", t.getSlug())
        .add("displayName", t.getDisplayName())
        .add("currency", t.getCurrency())
        .add("locale", t.getLocale())
        .add("timeZone", t.getTimeZone())
        .add("theme", t.getTheme())
        .add("status", t.getStatus().name())
        .add("schema", t.schema())
        .add("domains", domains)
        .add("createdAt", t.getCreatedAt().toString())
        .build();
  }
}
