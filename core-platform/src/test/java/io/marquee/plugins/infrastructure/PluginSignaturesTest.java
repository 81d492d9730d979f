package io.marquee.plugins.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.plugins.JarSigning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Jar signatures made by the JDK's own signer (as jarsigner signs), checked before install. */
class PluginSignaturesTest {
  static Optional<String> check(byte[] jar, boolean required, String trusted) throws Exception {
    PluginSignatures s = new PluginSignatures();
    s.required = required;
    s.trustedSigners = trusted;
    Path f = Files.createTempFile("plugin", ".jar");
    try {
      Files.write(f, jar);
      try (JarFile j = new JarFile(f.toFile())) {
        return s.problem(j);
      }
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @Test
  void aSignedJarPassesAndAnyChangeAfterSigningIsCaught() throws Exception {
    byte[] plain = JarSigning.simpleJar("marquee-plugin.properties", "name=Signed\n");
    byte[] signed = JarSigning.signed(plain, "vendor-a");
    assertEquals(Optional.empty(), check(signed, true, " "));
    assertEquals(Optional.empty(), check(signed, true, JarSigning.fingerprint("vendor-a")));

    String tampered = check(JarSigning.tampered(signed), false, " ").orElseThrow();
    assertTrue(tampered.contains("signature mismatch"), tampered);
    assertTrue(tampered.contains("marquee-plugin.properties"), tampered);
    String smuggled = check(JarSigning.withUnsignedEntry(signed), false, " ").orElseThrow();
    assertTrue(smuggled.contains("entries that are not"), smuggled);
  }

  @Test
  void unsignedJarsOnlyWhereAllowedAndOnlyTrustedSigners() throws Exception {
    byte[] plain = JarSigning.simpleJar("marquee-plugin.properties", "name=Plain\n");
    assertEquals(Optional.empty(), check(plain, false, " "), "local default: unsigned is fine");
    assertTrue(check(plain, true, " ").orElseThrow().contains("not signed"));
    byte[] other = JarSigning.signed(plain, "vendor-b");
    String untrusted = check(other, false, JarSigning.fingerprint("vendor-a")).orElseThrow();
    assertTrue(untrusted.contains("not a trusted plugin signer"), untrusted);
  }
}
