package io.marquee.plugins;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;

/** Signs jars as jarsigner does (a throwaway key made with keytool) and tampers with them. */
public final class JarSigning {
  private JarSigning() {}

  /** The recorder fixture jar the build made. */
  public static byte[] fixtureJar() throws Exception {
    try (var files = Files.list(Path.of(System.getProperty("marquee.it.pluginsDir")))) {
      Path jar =
          files
              .filter(p -> p.getFileName().toString().contains("recorder"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no recorder jar in the plugins folder"));
      return Files.readAllBytes(jar);
    }
  }

  public static synchronized KeyStore.PrivateKeyEntry key(String alias) throws Exception {
    Path dir = Path.of("target", "it-keys");
    Files.createDirectories(dir);
    Path store = dir.resolve(alias + ".p12");
    if (!Files.exists(store)) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-keystore",
                  store.toString(),
                  "-storetype",
                  "PKCS12",
                  "-storepass",
                  "changeit",
                  "-alias",
                  alias,
                  "-keyalg",
                  "EC",
                  "-dname",
                  "CN=" + alias + ", O=Marquee tests",
                  "-validity",
                  "2")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + out);
      }
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    return (KeyStore.PrivateKeyEntry)
        ks.getEntry(alias, new KeyStore.PasswordProtection("changeit".toCharArray()));
  }

  public static byte[] signed(byte[] jar) throws Exception {
    return signed(jar, "marquee-test");
  }

  public static byte[] signed(byte[] jar, String alias) throws Exception {
    KeyStore.PrivateKeyEntry k = key(alias);
    PrivateKey pk = k.getPrivateKey();
    var path =
        CertificateFactory.getInstance("X.509")
            .generateCertPath(List.of((X509Certificate) k.getCertificate()));
    Path in = Files.createTempFile("unsigned", ".jar");
    Files.write(in, jar);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipFile z = new ZipFile(in.toFile())) {
      new JarSigner.Builder(pk, path).build().sign(z, out);
    } finally {
      Files.deleteIfExists(in);
    }
    return out.toByteArray();
  }

  /** The same jar with one signed entry's bytes changed (signature files kept). */
  public static byte[] tampered(byte[] jar) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
        ZipOutputStream z = new ZipOutputStream(out)) {
      boolean changed = false;
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] body = in.readAllBytes();
        if (!changed && e.getName().equals("marquee-plugin.properties")) {
          body = (new String(body) + "\n# changed after signing\n").getBytes();
          changed = true;
        }
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(body);
        z.closeEntry();
      }
      if (!changed) {
        throw new IllegalStateException("nothing to tamper with");
      }
    }
    return out.toByteArray();
  }

  /** A small jar with a manifest and one resource. */
  public static byte[] simpleJar(String resource, String text) throws Exception {
    java.util.jar.Manifest m = new java.util.jar.Manifest();
    m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(out, m)) {
      j.putNextEntry(new java.util.jar.JarEntry(resource));
      j.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      j.closeEntry();
    }
    return out.toByteArray();
  }

  /** A signed jar with one more, unsigned entry added after signing. */
  public static byte[] withUnsignedEntry(byte[] jar) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] body = in.readAllBytes();
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(body);
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("io/extra/Smuggled.class"));
      z.write(new byte[] {1, 2, 3});
      z.closeEntry();
    }
    return out.toByteArray();
  }

  /** The SHA-256 fingerprint of a test signer's certificate, as the platform's config takes it. */
  public static String fingerprint(String alias) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(key(alias).getCertificate().getEncoded()));
  }
}
