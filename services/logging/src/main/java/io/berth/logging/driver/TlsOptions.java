package io.berth.logging.driver;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for remote drivers: a CA file ({@code syslog-tls-ca-cert}, {@code splunk-capath}) as the only trust anchor,
 * or no verification ({@code syslog-tls-skip-verify}, {@code splunk-insecureskipverify}). Client certificates
 * ({@code syslog-tls-cert/key}) are not supported yet.
 */
final class TlsOptions {
  private TlsOptions() {}

  static SSLSocketFactory syslog(Map<String, String> opts) {
    return context(opts.get("syslog-tls-ca-cert"), "true".equals(opts.get("syslog-tls-skip-verify"))).getSocketFactory();
  }

  static HttpClient splunkClient(HttpClient shared, Map<String, String> opts) {
    String ca = opts.get("splunk-capath");
    boolean skip = "true".equals(opts.get("splunk-insecureskipverify"));
    if (ca == null && !skip) return shared;
    return HttpClient.newBuilder().sslContext(context(ca, skip)).build();
  }

  private static SSLContext context(String caFile, boolean skipVerify) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      TrustManager[] trust = null;
      if (skipVerify) {
        trust = new TrustManager[] {new X509TrustManager() {
          @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
          @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
          @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }};
      } else if (caFile != null) {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(caFile))) {
          int i = 0;
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            ks.setCertificateEntry("ca" + i++, c);
          }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        trust = tmf.getTrustManagers();
      }
      ctx.init(null, trust, new SecureRandom());
      return ctx;
    } catch (Exception e) {
      throw new io.berth.kit.errors.BerthException.InvalidRequest("failed to set up TLS: " + e.getMessage(), e);
    }
  }
}
