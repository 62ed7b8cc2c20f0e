package io.berth.logging.tls;

import io.berth.kit.errors.BerthException;
import io.berth.logging.domain.LogConfigValidator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS client side of a remote driver, configured from its options as Docker configures Go's {@code tls.Config}:
 * root pools, an optional client certificate, skip-verify, and the name the server's certificate must carry. Files
 * are read when the driver is opened; a file that cannot be used refuses the container with Docker's message.
 */
public final class TlsClient {
  private static final char[] NO_PASSWORD = new char[0];

  private final SSLContext context;

  private TlsClient(SSLContext context) {
    this.context = context;
  }

  /**
   * syslog ({@code tcp+tls}), as {@code tlsconfig.Client} of go-connections: {@code syslog-tls-ca-cert} is added to
   * the system roots, {@code syslog-tls-cert} + {@code syslog-tls-key} are the client certificate, and
   * {@code syslog-tls-skip-verify} skips verification when present, whatever its value (Docker tests only that the
   * key is there). The server's name is the host of {@code syslog-address}.
   */
  public static TlsClient syslog(Map<String, String> opts) {
    boolean skip = opts.containsKey("syslog-tls-skip-verify");
    List<X509TrustManager> roots = new ArrayList<>();
    String ca = opts.get("syslog-tls-ca-cert");
    if (ca != null && !ca.isEmpty()) {
      roots.add(pool(ca, "Could not read CA certificate %s: %s"));
    }
    roots.add(systemRoots());
    KeyManager[] client = clientCertificate(opts.get("syslog-tls-cert"), opts.get("syslog-tls-key"));
    return new TlsClient(context(client, new ServerTrust(roots, skip, null)));
  }

  /**
   * Splunk HEC: {@code splunk-capath} replaces the system roots (Docker builds a new pool from it),
   * {@code splunk-caname} is the name the server's certificate must carry instead of the URL's host, and
   * {@code splunk-insecureskipverify} skips verification.
   */
  public static TlsClient splunk(Map<String, String> opts) {
    boolean skip = Boolean.TRUE.equals(LogConfigValidator.parseBool(
        opts.getOrDefault("splunk-insecureskipverify", "false")));
    String ca = opts.get("splunk-capath");
    X509TrustManager roots = ca == null ? systemRoots() : pool(ca, "%2$s");
    return new TlsClient(context(null, new ServerTrust(List.of(roots), skip, opts.get("splunk-caname"))));
  }

  /** Whether the Splunk options ask for anything but the JDK's defaults. */
  public static boolean splunkCustomized(Map<String, String> opts) {
    return opts.containsKey("splunk-capath") || opts.containsKey("splunk-caname")
        || opts.containsKey("splunk-insecureskipverify");
  }

  /** An HTTP client that uses this TLS configuration. */
  public HttpClient httpClient(Duration connectTimeout) {
    return HttpClient.newBuilder().sslContext(context).connectTimeout(connectTimeout).build();
  }

  /**
   * Connects and completes the handshake, so a server that is not trusted, or a name that does not match, fails here
   * rather than at the first write. The server name is sent as SNI when it is a name.
   */
  public SSLSocket connect(String host, int port, int timeoutMillis) throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(host, port), timeoutMillis);
      SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
      SSLParameters p = s.getSSLParameters();
      p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      s.setSSLParameters(p);
      s.setSoTimeout(timeoutMillis);
      s.startHandshake();
      s.setSoTimeout(0);
      return s;
    } catch (IOException e) {
      plain.close();
      throw e;
    }
  }

  private static SSLContext context(KeyManager[] keys, ServerTrust trust) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keys, new TrustManager[] {trust}, new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new BerthException.Internal("TLS is not available: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager pool(String file, String message) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      int i = 0;
      for (X509Certificate c : PemFiles.certificates(Path.of(file))) ks.setCertificateEntry("ca" + i++, c);
      return trustManager(ks);
    } catch (IOException | GeneralSecurityException e) {
      throw new BerthException.InvalidRequest(String.format(message, quoteIfGo(file, message), reason(file, e)), e);
    }
  }

  private static X509TrustManager systemRoots() {
    try {
      return trustManager(null);
    } catch (GeneralSecurityException e) {
      throw new BerthException.Internal("no system trust store: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) return x;
    }
    throw new GeneralSecurityException("no X509TrustManager");
  }

  /** go-connections: both files or neither; a missing file and an unreadable pair have different messages. */
  private static KeyManager[] clientCertificate(String cert, String key) {
    if ((cert == null || cert.isEmpty()) && (key == null || key.isEmpty())) return null;
    String c = cert == null ? "" : cert;
    String k = key == null ? "" : key;
    try {
      List<X509Certificate> chain = PemFiles.certificates(Path.of(c));
      PrivateKey pk = PemFiles.privateKey(Path.of(k));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("client", pk, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, NO_PASSWORD);
      return kmf.getKeyManagers();
    } catch (NoSuchFileException e) {
      throw new BerthException.InvalidRequest(String.format("Could not load X509 key pair (cert: \"%s\", key: "
          + "\"%s\"): open %s: no such file or directory", c, k, e.getFile()), e);
    } catch (IOException | GeneralSecurityException e) {
      throw new BerthException.InvalidRequest(String.format("Error reading X509 key pair (cert: \"%s\", key: \"%s\")."
          + " Make sure the key is not encrypted.", c, k), e);
    }
  }

  private static String quoteIfGo(String file, String message) {
    return message.startsWith("Could not") ? "\"" + file + "\"" : file;
  }

  private static String reason(String file, Exception e) {
    if (e instanceof NoSuchFileException) return "open " + file + ": no such file or directory";
    return e.getMessage();
  }
}
