package io.marquee.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.common.domain.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  final byte[] secret = "s3cret".getBytes(StandardCharsets.UTF_8);
  final Instant now = Instant.ofEpochSecond(1_800_000_000L);

  @Test
  void verifiesItsOwnSignatureAndRefusesChangesAndStaleTimestamps() {
    String sig = WebhookSignature.sign(secret, "msg_1", now.getEpochSecond(), "{\"a\":1}");
    assertTrue(
        WebhookSignature.verify(secret, "msg_1", "" + now.getEpochSecond(), "{\"a\":1}", sig, now));
    assertTrue(
        WebhookSignature.verify(
            secret, "msg_1", "" + now.getEpochSecond(), "{\"a\":1}", "v1,old " + sig, now),
        "rotation: any listed signature");
    assertFalse(
        WebhookSignature.verify(secret, "msg_1", "" + now.getEpochSecond(), "{\"a\":2}", sig, now));
    assertFalse(
        WebhookSignature.verify(secret, "msg_2", "" + now.getEpochSecond(), "{\"a\":1}", sig, now));
    assertFalse(
        WebhookSignature.verify(
            "other".getBytes(StandardCharsets.UTF_8),
            "msg_1",
            "" + now.getEpochSecond(),
            "{\"a\":1}",
            sig,
            now));
    assertFalse(
        WebhookSignature.verify(
            secret, "msg_1", "" + now.getEpochSecond(), "{\"a\":1}", sig, now.plusSeconds(301)));
    assertFalse(WebhookSignature.verify(secret, "msg_1", "soon", "{\"a\":1}", sig, now));
  }
}
