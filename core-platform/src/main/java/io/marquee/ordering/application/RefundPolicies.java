package io.marquee.ordering.application;

import io.marquee.ordering.domain.RefundPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads an event's stored refund policy (validated JSON written by the catalogue). */
public final class RefundPolicies {
  private RefundPolicies() {}

  public static RefundPolicy parse(String json) {
    List<RefundPolicy.Window> windows = new ArrayList<>();
    if (json != null && !json.isBlank()) {
      for (JsonValue v : Json.createReader(new StringReader(json)).readArray()) {
        JsonObject w = v.asJsonObject();
        windows.add(
            new RefundPolicy.Window(
                w.getInt("minDaysBefore"),
                w.getInt("refundPercent"),
                w.containsKey("feeMinor") ? w.getJsonNumber("feeMinor").longValue() : 0,
                w.getBoolean("transferAllowed", true),
                w.getBoolean("exchangeAllowed", false),
                w.getBoolean("approvalRequired", false)));
      }
    }
    return new RefundPolicy(windows);
  }
}
