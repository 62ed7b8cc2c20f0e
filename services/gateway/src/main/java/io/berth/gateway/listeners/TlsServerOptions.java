package io.berth.gateway.listeners;

import io.berth.kit.config.ApiTls;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.List;
import java.util.Set;

/**
 * The server TLS of a Docker API TCP listener, as dockerd sets it up (go-connections' {@code tlsconfig.Server}): TLS
 * 1.2 at least, the ECDHE AEAD cipher suites only, the PEM certificate and key, and with {@code tlsverify} a client
 * certificate required and trusted only when the CA of {@code tlscacert} signed it.
 */
final class TlsServerOptions {
  /** Docker's TLS 1.2 suites (go-connections' defaultCipherSuites) and the TLS 1.3 ones, which Go always allows. */
  static final List<String> CIPHER_SUITES = List.of(
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
  static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

  private TlsServerOptions() {}

  /** Options for one TCP listener: plain when TLS is off. */
  static HttpServerOptions forTcp(ApiTls tls) {
    HttpServerOptions options = new HttpServerOptions();
    if (!tls.enabled()) return options;
    options.setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.cert().toString()).setKeyPath(tls.key().toString()))
        .setEnabledSecureTransportProtocols(PROTOCOLS);
    CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
    if (tls.verify()) {
      options.setTrustOptions(new PemTrustOptions().addCertPath(tls.caCert().toString()))
          .setClientAuth(ClientAuth.REQUIRED);
    }
    return options;
  }
}
