package io.marquee.ticketing.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * What a ticket code asserts, in a compact pipe-separated form a scanner can parse without a JSON
 * library: {@code 1|kid|tenant|event|ticket|serial|type|notBefore|notAfter}. UUIDs are 22-char
 * base64url; times are epoch seconds. The serial changes whenever the ticket is re-issued
 * (transfer), so the old code can be revoked while the ticket lives on.
 */
public record TicketClaims(
    String kid,
    String tenant,
    UUID eventId,
    UUID ticketId,
    int serial,
    UUID ticketTypeId,
    Instant notBefore,
    Instant notAfter) {

  static final String VERSION = "1";

  public String encode() {
    return String.join(
        "|",
        VERSION,
        kid,
        tenant,
        compact(eventId),
        compact(ticketId),
        Integer.toString(serial),
        compact(ticketTypeId),
        Long.toString(notBefore.getEpochSecond()),
        Long.toString(notAfter.getEpochSecond()));
  }

  public static TicketClaims decode(String s) {
    String[] p = s.split("\\|", -1);
    if (p.length != 9 || !VERSION.equals(p[0])) {
      throw new IllegalArgumentException("not a version-1 ticket payload");
    }
    return new TicketClaims(
        p[1],
        p[2],
        expand(p[3]),
        expand(p[4]),
        Integer.parseInt(p[5]),
        expand(p[6]),
        Instant.ofEpochSecond(Long.parseLong(p[7])),
        Instant.ofEpochSecond(Long.parseLong(p[8])));
  }

  static String compact(UUID id) {
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  static UUID expand(String s) {
    byte[] raw = Base64.getUrlDecoder().decode(s);
    if (raw.length != 16) {
      throw new IllegalArgumentException("bad id");
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    return new UUID(b.getLong(), b.getLong());
  }
}
