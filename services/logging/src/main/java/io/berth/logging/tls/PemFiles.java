package io.berth.logging.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files as Go's {@code crypto/tls} reads them for Docker: certificates, and an unencrypted private key in PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}) form. The JDK reads only
 * PKCS#8, so the other two are wrapped into a PKCS#8 structure first.
 */
final class PemFiles {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");
  /** DER of AlgorithmIdentifier {rsaEncryption, NULL}. */
  private static final byte[] RSA_ALGORITHM = HexBytes.of("300d06092a864886f70d0101010500");
  /** DER of the OID id-ecPublicKey (1.2.840.10045.2.1). */
  private static final byte[] EC_PUBLIC_KEY_OID = HexBytes.of("06072a8648ce3d0201");

  private PemFiles() {}

  static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
    byte[] pem = Files.readAllBytes(file);
    List<X509Certificate> out = new ArrayList<>();
    for (Object c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
      out.add((X509Certificate) c);
    }
    if (out.isEmpty()) throw new GeneralSecurityException("no certificate in " + file);
    return out;
  }

  static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    Matcher m = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
    while (m.find()) {
      String type = m.group(1);
      if (!type.endsWith("PRIVATE KEY")) continue;
      if (type.equals("ENCRYPTED PRIVATE KEY")) throw new GeneralSecurityException("encrypted private key");
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      return switch (type) {
        case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(
            new PKCS8EncodedKeySpec(pkcs8(RSA_ALGORITHM, der)));
        case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(
            new PKCS8EncodedKeySpec(pkcs8(ecAlgorithm(der), der)));
        default -> pkcs8Key(der);
      };
    }
    throw new GeneralSecurityException("no private key in " + file);
  }

  private static PrivateKey pkcs8Key(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, OCTET STRING key }. */
  private static byte[] pkcs8(byte[] algorithm, byte[] key) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(key.length + 32);
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(algorithm);
    body.writeBytes(Der.tlv(0x04, key));
    return Der.tlv(0x30, body.toByteArray());
  }

  /** The curve named in an ECPrivateKey's {@code [0] parameters}, as AlgorithmIdentifier {id-ecPublicKey, curve}. */
  private static byte[] ecAlgorithm(byte[] sec1) throws GeneralSecurityException {
    Der.Reader seq = new Der.Reader(sec1).enter(0x30);
    seq.skip(0x02);
    seq.skip(0x04);
    byte[] curve = seq.enter(0xa0).raw(0x06);
    ByteArrayOutputStream alg = new ByteArrayOutputStream();
    alg.writeBytes(EC_PUBLIC_KEY_OID);
    alg.writeBytes(curve);
    return Der.tlv(0x30, alg.toByteArray());
  }
}
