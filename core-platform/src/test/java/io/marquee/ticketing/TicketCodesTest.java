package io.marquee.ticketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.ticketing.domain.TicketClaims;
import io.marquee.ticketing.domain.TicketCodes;
import io.marquee.ticketing.domain.TicketCodes.Verdict;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketCodesTest {
  final KeyPair k1 = TicketCodes.newKeyPair();
  final KeyPair k2 = TicketCodes.newKeyPair();
  final UUID event = UUID.randomUUID();
  final UUID ticket = UUID.randomUUID();
  final Instant now = Instant.parse("2026-12-01T20:00:00Z");

  TicketClaims claims(String kid, String tenant, UUID ev, int serial) {
    return new TicketClaims(
        kid,
        tenant,
        ev,
        ticket,
        serial,
        UUID.randomUUID(),
        now.minusSeconds(3600),
        now.plusSeconds(3600));
  }

  Verdict check(String code, Map<String, PublicKey> keys, Set<TicketCodes.Revocation> revoked) {
    return TicketCodes.verify(code, "nightscene", event, keys, revoked, now).verdict();
  }

  @Test
  void aSignedCodeVerifiesOfflineWithThePublishedKey() {
    String code = TicketCodes.sign(claims("k1", "nightscene", event, 1), k1.getPrivate());
    assertEquals(Verdict.VALID, check(code, Map.of("k1", k1.getPublic()), Set.of()));
    assertEquals(
        TicketClaims.decode(new String(Base64.getUrlDecoder().decode(code.split("\\.")[0])))
            .ticketId(),
        ticket);
  }

  /** Codes are plain RFC 8032 Ed25519: any implementation (SunEC, the door's WebCrypto) agrees. */
  @Test
  void codesAreStandardEd25519BothWays() throws Exception {
    String code = TicketCodes.sign(claims("k1", "nightscene", event, 1), k1.getPrivate());
    byte[] payload = Base64.getUrlDecoder().decode(code.split("\\.")[0]);
    byte[] signature = Base64.getUrlDecoder().decode(code.split("\\.")[1]);
    java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
    jdk.initVerify(k1.getPublic());
    jdk.update(payload);
    assertTrue(jdk.verify(signature), "SunEC verifies what we sign");

    java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
    signer.initSign(k2.getPrivate());
    signer.update(payload);
    String signedByJdk =
        code.split("\\.")[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    assertEquals(Verdict.VALID, check(signedByJdk, Map.of("k1", k2.getPublic()), Set.of()));
    assertEquals(Verdict.BAD_SIGNATURE, check(signedByJdk, Map.of("k1", k1.getPublic()), Set.of()));
  }

  @Test
  void tamperedPayloadIsRejected() {
    String code = TicketCodes.sign(claims("k1", "nightscene", event, 1), k1.getPrivate());
    String forged =
        TicketCodes.sign(claims("k1", "nightscene", event, 7), k1.getPrivate()).split("\\.")[0]
            + "."
            + code.split("\\.")[1];
    assertEquals(Verdict.BAD_SIGNATURE, check(forged, Map.of("k1", k1.getPublic()), Set.of()));
    assertEquals(Verdict.MALFORMED, check("garbage", Map.of("k1", k1.getPublic()), Set.of()));
  }

  @Test
  void otherTenantsAndEventsAndKeysAreRejected() {
    String otherTenant = TicketCodes.sign(claims("k1", "voelgoed", event, 1), k1.getPrivate());
    assertEquals(Verdict.WRONG_TENANT, check(otherTenant, Map.of("k1", k1.getPublic()), Set.of()));
    String otherEvent =
        TicketCodes.sign(claims("k1", "nightscene", UUID.randomUUID(), 1), k1.getPrivate());
    assertEquals(Verdict.WRONG_EVENT, check(otherEvent, Map.of("k1", k1.getPublic()), Set.of()));
    // Signed with a key that claims our kid but is not ours (e.g. another event's key).
    String wrongKey = TicketCodes.sign(claims("k1", "nightscene", event, 1), k2.getPrivate());
    assertEquals(Verdict.BAD_SIGNATURE, check(wrongKey, Map.of("k1", k1.getPublic()), Set.of()));
    assertEquals(
        Verdict.UNKNOWN_KEY,
        check(
            TicketCodes.sign(claims("k9", "nightscene", event, 1), k2.getPrivate()),
            Map.of("k1", k1.getPublic()),
            Set.of()));
  }

  @Test
  void rotatedKeyStillVerifiesAndRevokedCodesDoNot() {
    String old = TicketCodes.sign(claims("k1", "nightscene", event, 1), k1.getPrivate());
    String fresh = TicketCodes.sign(claims("k2", "nightscene", event, 2), k2.getPrivate());
    Map<String, PublicKey> both = Map.of("k1", k1.getPublic(), "k2", k2.getPublic());
    assertEquals(Verdict.VALID, check(old, both, Set.of()));
    assertEquals(Verdict.VALID, check(fresh, both, Set.of()));
    Set<TicketCodes.Revocation> revoked = Set.of(new TicketCodes.Revocation(ticket, 1));
    assertEquals(Verdict.REVOKED, check(old, both, revoked));
    assertEquals(Verdict.VALID, check(fresh, both, revoked), "the re-issued serial is unaffected");
  }

  @Test
  void validityWindowIsEnforced() {
    String code = TicketCodes.sign(claims("k1", "nightscene", event, 1), k1.getPrivate());
    Map<String, PublicKey> keys = Map.of("k1", k1.getPublic());
    assertEquals(
        Verdict.EXPIRED,
        TicketCodes.verify(code, "nightscene", event, keys, Set.of(), now.plusSeconds(7200))
            .verdict());
    assertEquals(
        Verdict.NOT_YET_VALID,
        TicketCodes.verify(code, "nightscene", event, keys, Set.of(), now.minusSeconds(7200))
            .verdict());
  }
}
