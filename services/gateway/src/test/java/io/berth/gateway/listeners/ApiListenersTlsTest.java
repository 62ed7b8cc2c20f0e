package io.berth.gateway.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.kit.config.ApiHost;
import io.berth.kit.config.ApiTls;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A TCP listener with dockerd's TLS, handshaking with in-JVM clients: with {@code tlsverify} only a client certificate
 * signed by the CA gets in; with {@code tlsverify: false} any TLS client does; a plaintext client never does. The PEM
 * files under {@code src/test/resources/tls} were made with openssl: a CA, a server certificate for 127.0.0.1 and a
 * client certificate it signed, and a client certificate signed by another CA ("stranger").
 */
class ApiListenersTlsTest {
  Vertx vertx;
  ApiListeners listeners;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    if (listeners != null) listeners.close().await();
    vertx.close().await();
  }

  private static String fixture(String name) {
    try {
      return Path.of(ApiListenersTlsTest.class.getResource("/tls/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private int listen(boolean verify) {
    ApiTls tls = new ApiTls(true, verify, true, Path.of(fixture("ca.pem")), Path.of(fixture("server-cert.pem")),
        Path.of(fixture("server-key.pem")));
    listeners = new ApiListeners(vertx, tls);
    listeners.listen(List.of(ApiHost.parse("tcp://127.0.0.1:0", true)), req -> req.response().end("OK")).await();
    return listeners.tcpPorts().get(0);
  }

  private String get(int port, HttpClientOptions options) {
    var client = vertx.createHttpClient(options.setConnectTimeout(5000));
    try {
      return client.request(new RequestOptions().setHost("127.0.0.1").setPort(port).setMethod(HttpMethod.GET).setURI("/_ping"))
          .compose(r -> r.send().compose(resp -> resp.body()))
          .map(Buffer::toString)
          .await();
    } finally {
      client.close();
    }
  }

  private static HttpClientOptions tlsClient(String cert) {
    HttpClientOptions o = new HttpClientOptions().setSsl(true).setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(fixture("ca.pem")));
    if (cert != null) {
      o.setKeyCertOptions(new PemKeyCertOptions().setCertPath(fixture(cert + "-cert.pem")).setKeyPath(fixture(cert + "-key.pem")));
    }
    return o;
  }

  @Test
  void tlsverifyLetsInOnlyClientsTheCaSigned() {
    int port = listen(true);
    assertEquals("OK", get(port, tlsClient("client")));
    assertThrows(Exception.class, () -> get(port, tlsClient(null)), "no client certificate");
    assertThrows(Exception.class, () -> get(port, tlsClient("stranger")), "a certificate of another CA");
    assertThrows(Exception.class, () -> get(port, new HttpClientOptions()), "plain HTTP");
  }

  @Test
  void serverOnlyTlsLetsInClientsWithoutCertificatesButNotPlainHttp() {
    int port = listen(false);
    assertEquals("OK", get(port, tlsClient(null)));
    assertThrows(Exception.class, () -> get(port, new HttpClientOptions()), "plain HTTP");
  }

  @Test
  void onlyTlsOnePointTwoAndThreeAreEnabledAsWithDocker() {
    ApiTls tls = new ApiTls(true, true, true, Path.of("ca.pem"), Path.of("cert.pem"), Path.of("key.pem"));
    var options = TlsServerOptions.forTcp(tls);
    assertEquals(java.util.Set.of("TLSv1.2", "TLSv1.3"), options.getEnabledSecureTransportProtocols());
    assertEquals(io.vertx.core.http.ClientAuth.REQUIRED, options.getClientAuth());
  }
}
