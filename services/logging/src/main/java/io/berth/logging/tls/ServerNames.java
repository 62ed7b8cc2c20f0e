package io.berth.logging.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code x509.Certificate.VerifyHostname}, which Docker's drivers rely on: an IP address must be one of the
 * certificate's IP SANs; a name must match a DNS SAN, where {@code *} may stand for the whole leftmost label. The
 * subject's common name is not looked at (Go stopped in 1.15).
 */
final class ServerNames {
  private static final int DNS = 2;
  private static final int IP = 7;

  private ServerNames() {}

  static void verify(X509Certificate cert, String host) throws CertificateException {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    for (List<?> san : sans(cert)) {
      int type = (Integer) san.get(0);
      if (type == DNS) dns.add(((String) san.get(1)).toLowerCase(Locale.ROOT));
      if (type == IP) ips.add((String) san.get(1));
    }
    if (isIpLiteral(h)) {
      InetAddress want = address(h);
      for (String ip : ips) {
        if (address(ip).equals(want)) return;
      }
      if (ips.isEmpty()) {
        throw new CertificateException("x509: cannot validate certificate for " + h + " because it doesn't contain "
            + "any IP SANs");
      }
      throw new CertificateException("x509: certificate is valid for " + String.join(", ", ips) + ", not " + h);
    }
    String name = h.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
    for (String pattern : dns) {
      if (matches(pattern, name)) return;
    }
    if (dns.isEmpty()) {
      throw new CertificateException("x509: certificate is not valid for any names, but wanted to match " + h);
    }
    throw new CertificateException("x509: certificate is valid for " + String.join(", ", dns) + ", not " + h);
  }

  static boolean matches(String pattern, String host) {
    String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
    String[] pl = p.split("\\.", -1);
    String[] hl = host.split("\\.", -1);
    if (pl.length != hl.length || p.isEmpty()) return false;
    for (int i = 0; i < pl.length; i++) {
      if (i == 0 && pl[i].equals("*")) continue;
      if (!pl[i].equals(hl[i])) return false;
    }
    return true;
  }

  private static Collection<List<?>> sans(X509Certificate cert) throws CertificateParsingException {
    Collection<List<?>> sans = cert.getSubjectAlternativeNames();
    return sans == null ? List.of() : sans;
  }

  private static boolean isIpLiteral(String h) {
    return h.contains(":") || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  private static InetAddress address(String literal) throws CertificateException {
    try {
      return InetAddress.getByName(literal); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      throw new CertificateException("bad IP address " + literal, e);
    }
  }
}
