package io.marquee.plugin.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the door needs from the platform's tickets, for the calling tenant only: checking a scanned
 * code, the material to check codes offline, finding a ticket by its holder, and taking payment for
 * a counter reservation. Since 0.3.0.
 */
public interface TicketDesk {
  /** Why a code is or is not a ticket for this event, as the platform's own check says. */
  enum Verdict {
    VALID,
    MALFORMED,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    WRONG_TENANT,
    WRONG_EVENT,
    NOT_YET_VALID,
    EXPIRED,
    REVOKED
  }

  /**
   * A checked code: the verdict and, when the code could be read, the ticket behind it now ({@code
   * status}: held for an unpaid reservation, valid, refunded, void; null fields when the ticket is
   * unknown).
   */
  record CodeCheck(
      Verdict verdict,
      String eventId,
      String ticketId,
      int serial,
      String status,
      String holderName,
      String ticketType,
      String orderNumber) {}

  /** Checks a scanned code against the event (signature, tenant, event, validity, revocations). */
  CodeCheck check(String eventId, String code);

  /** A revoked code: this ticket's code with this serial is no longer valid. */
  record Revoked(String ticketId, int serial) {}

  /**
   * What a device needs to check this event's codes without a network: the tenant's slug (codes
   * name it), Ed25519 public keys by key id (base64 of the X.509 SubjectPublicKeyInfo, what
   * WebCrypto imports as "spki"), and the revoked codes.
   */
  record OfflineKit(
      String tenant,
      String eventId,
      Map<String, String> publicKeys,
      List<Revoked> revoked,
      Instant generatedAt) {}

  OfflineKit offlineKit(String eventId);

  /** A ticket as the door sees it. */
  record TicketSummary(
      String ticketId,
      String holderName,
      String holderEmail,
      String ticketType,
      String status,
      String orderNumber) {}

  /** Tickets of the event whose holder name, email or order number contains {@code query}. */
  List<TicketSummary> search(String eventId, String query, int limit);

  /** One ticket of the event, if it is one. */
  java.util.Optional<TicketSummary> ticket(String eventId, String ticketId);

  /** The event's tickets that can be admitted (valid), with their types. */
  List<TicketSummary> admissible(String eventId);

  /** An unpaid counter reservation, looked up by its code. */
  record Reservation(
      String orderId,
      String orderNumber,
      String eventId,
      String status,
      String buyerName,
      long totalMinor,
      String currency,
      List<String> ticketIds) {}

  java.util.Optional<Reservation> reservation(String counterCode);

  /**
   * Door staff took the money ({@code method} cash or card): the platform marks the order paid,
   * issues its tickets and posts the payment to the tenant's ledger, as at the box office.
   *
   * @throws IllegalArgumentException for an unknown code or method
   * @throws IllegalStateException when the reservation can no longer be paid (expired, paid)
   */
  Reservation confirmAtDoor(String counterCode, String method, String actor);
}
