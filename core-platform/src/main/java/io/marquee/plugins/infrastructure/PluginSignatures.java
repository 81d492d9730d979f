package io.marquee.plugins.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a plugin jar's signature (standard JAR signing, as {@code jarsigner} makes it) before it
 * is installed. A signed jar must verify completely: an entry changed after signing, or entries
 * added unsigned, refuse the jar. With {@code marquee.plugins.require-signature=true} unsigned jars
 * are refused too, and with {@code marquee.plugins.trusted-signers} (SHA-256 fingerprints of signer
 * certificates, comma separated) only those signers are accepted.
 */
@ApplicationScoped
public class PluginSignatures {
  @Inject
  @ConfigProperty(name = "marquee.plugins.require-signature", defaultValue = "false")
  boolean required;

  @Inject
  @ConfigProperty(name = "marquee.plugins.trusted-signers", defaultValue = " ")
  String trustedSigners;

  /** Why the jar must not be installed, or empty when its signature (or lack of one) is fine. */
  public java.util.Optional<String> problem(JarFile jar) throws IOException {
    Set<String> signers = null; // fingerprints common to every entry
    boolean anyUnsigned = false;
    byte[] buffer = new byte[8192];
    for (JarEntry e : Collections.list(jar.entries())) {
      if (e.isDirectory()) {
        continue;
      }
      // Reading an entry in full is what makes the JDK check its digest against the signature.
      try (InputStream in = jar.getInputStream(e)) {
        while (in.read(buffer) != -1) {
          // read to the end
        }
      } catch (SecurityException x) {
        return java.util.Optional.of(
            "signature mismatch: " + e.getName() + " was changed after the jar was signed");
      }
      String name = e.getName().toUpperCase(Locale.ROOT);
      if (name.startsWith("META-INF/")
          && (name.endsWith(".SF")
              || name.endsWith(".RSA")
              || name.endsWith(".DSA")
              || name.endsWith(".EC")
              || name.equals("META-INF/MANIFEST.MF"))) {
        continue;
      }
      Certificate[] certs = e.getCertificates();
      if (certs == null || certs.length == 0) {
        anyUnsigned = true;
        continue;
      }
      Set<String> these = new HashSet<>();
      for (Certificate c : certs) {
        these.add(fingerprint(c));
      }
      if (signers == null) {
        signers = these;
      } else {
        signers.retainAll(these);
      }
    }
    if (signers != null && anyUnsigned) {
      return java.util.Optional.of(
          "signature mismatch: the jar is signed but has entries that are not");
    }
    if (signers == null) {
      return required
          ? java.util.Optional.of("the jar is not signed; this platform takes signed plugins only")
          : java.util.Optional.empty();
    }
    List<String> trusted = trusted();
    if (!trusted.isEmpty() && signers.stream().noneMatch(trusted::contains)) {
      return java.util.Optional.of(
          "the jar is signed by " + signers + ", which is not a trusted plugin signer");
    }
    return java.util.Optional.empty();
  }

  private List<String> trusted() {
    return java.util.Arrays.stream(trustedSigners.split(","))
        .map(s -> s.strip().replace(":", "").toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  static String fingerprint(Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate", e);
    }
  }
}
