package io.marquee.plugins.checkin;

import io.marquee.plugin.api.PluginContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Door devices: staff create one in the console (name, gate, staff) and get a one-time code valid
 * for 15 minutes; the app claims it and gets its own credential, stored here only as a SHA-256
 * hash, revocable at any time.
 */
final class Devices {
  private static final SecureRandom RANDOM = new SecureRandom();
  // No 0/O or 1/I: the code is read off a screen and typed on a phone.
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private Devices() {}

  /** A device as the door API sees it once its credential checked out. */
  record Device(String id, String name, String gateId, String gateName, String eventId) {}

  static String newClaimCode() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  static String create(PluginContext ctx, String name, String gateId, String staff) {
    String code = newClaimCode();
    ctx.storage()
        .update(
            "INSERT INTO {t}.plugin_checkin_device (id, name, gate_id, staff, claim_code,"
                + " claim_expires_at) VALUES (?::uuid, ?, ?::uuid, ?, ?, now() + interval '15"
                + " minutes')",
            UUID.randomUUID().toString(),
            name,
            gateId,
            staff,
            code);
    return code;
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Exchanges a one-time code for the device's credential; empty when the code is not valid. */
  static Optional<Map.Entry<String, Device>> claim(PluginContext ctx, String code) {
    if (code == null || !code.strip().toUpperCase(java.util.Locale.ROOT).matches("[A-Z0-9]{8}")) {
      return Optional.empty();
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = HexFormat.of().formatHex(raw);
    List<Map<String, Object>> rows =
        ctx.storage()
            .query(
                "UPDATE {t}.plugin_checkin_device SET token_hash = ?, claim_code = NULL,"
                    + " claimed_at = now(), last_seen_at = now() WHERE claim_code = ? AND"
                    + " claim_expires_at > now() AND revoked_at IS NULL RETURNING id",
                hash(token),
                code.strip().toUpperCase(java.util.Locale.ROOT));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    DeviceBilling.bill(ctx);
    return byToken(ctx, token).map(d -> Map.entry(token, d));
  }

  static Optional<Device> byToken(PluginContext ctx, String token) {
    if (token == null || !token.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    List<Map<String, Object>> rows =
        ctx.storage()
            .query(
                "SELECT d.id, d.name, d.gate_id, g.name AS gate, g.event_id FROM"
                    + " {t}.plugin_checkin_device d JOIN {t}.plugin_checkin_gate g ON g.id ="
                    + " d.gate_id WHERE d.token_hash = ? AND d.revoked_at IS NULL",
                hash(token));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> r = rows.get(0);
    return Optional.of(
        new Device(
            String.valueOf(r.get("id")),
            (String) r.get("name"),
            String.valueOf(r.get("gate_id")),
            (String) r.get("gate"),
            String.valueOf(r.get("event_id"))));
  }

  static void heartbeat(
      PluginContext ctx, Device d, Integer battery, Boolean online, Integer pending) {
    ctx.storage()
        .update(
            "UPDATE {t}.plugin_checkin_device SET last_seen_at = now(), battery = ?, online = ?,"
                + " pending = ? WHERE id = ?::uuid",
            battery,
            online,
            pending,
            d.id());
  }

  static void revoke(PluginContext ctx, String deviceId) {
    ctx.storage()
        .update(
            "UPDATE {t}.plugin_checkin_device SET revoked_at = now(), claim_code = NULL WHERE id ="
                + " ?::uuid AND revoked_at IS NULL",
            deviceId);
  }
}
