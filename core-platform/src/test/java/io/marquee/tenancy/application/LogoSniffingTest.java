package io.marquee.tenancy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LogoSniffingTest {
  @Test
  void recognisesImagesByTheirBytesNotTheirName() {
    assertEquals(
        "image/png",
        BrandingService.sniffImageType(
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
    assertEquals(
        "image/jpeg",
        BrandingService.sniffImageType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
    assertEquals("image/webp", BrandingService.sniffImageType("RIFF\0\0\0\0WEBPVP8 ".getBytes()));
    assertNull(BrandingService.sniffImageType("<svg onload=alert(1)>".getBytes()));
    assertNull(BrandingService.sniffImageType("GIF89a....".getBytes()));
  }
}
