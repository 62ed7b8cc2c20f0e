package io.berth.logging.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How Go's TLS client, and so Docker's drivers, decides to trust a server: the chain must verify against one of the
 * root pools, then the leaf must name the server ({@link ServerNames}) — the host dialled, or the configured server
 * name ({@code splunk-caname}). With skip-verify nothing is checked.
 */
final class ServerTrust extends X509ExtendedTrustManager {
  private final List<X509TrustManager> roots;
  private final boolean skipVerify;
  private final String serverName;

  ServerTrust(List<X509TrustManager> roots, boolean skipVerify, String serverName) {
    this.roots = roots;
    this.skipVerify = skipVerify;
    this.serverName = serverName;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain, authType, socket instanceof SSLSocket s && s.getHandshakeSession() != null
        ? s.getHandshakeSession().getPeerHost() : null);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, authType, engine == null ? null : engine.getPeerHost());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain, authType, null);
  }

  private void check(X509Certificate[] chain, String authType, String peerHost) throws CertificateException {
    if (skipVerify) return;
    CertificateException failure = null;
    boolean trusted = false;
    for (X509TrustManager pool : roots) {
      try {
        pool.checkServerTrusted(chain, authType);
        trusted = true;
        break;
      } catch (CertificateException e) {
        failure = e;
      }
    }
    if (!trusted) {
      throw failure != null ? failure : new CertificateException("x509: certificate signed by unknown authority");
    }
    String name = serverName != null ? serverName : peerHost;
    if (name == null) throw new CertificateException("no server name to verify the certificate against");
    ServerNames.verify(chain[0], name);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a client trust manager");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a client trust manager");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("a client trust manager");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return roots.stream().flatMap(r -> java.util.Arrays.stream(r.getAcceptedIssuers()))
        .toArray(X509Certificate[]::new);
  }
}
