package io.berth.app;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The client side of the Docker API's TLS, as the docker CLI reads it: {@code --tlsverify} or {@code DOCKER_TLS_VERIFY}
 * checks the node's certificate against {@code --tlscacert}; {@code --tls} encrypts without checking; the client
 * certificate ({@code --tlscert}, {@code --tlskey}) is sent when its files exist. Files default to {@code ca.pem},
 * {@code cert.pem}, {@code key.pem} in {@code DOCKER_CERT_PATH}, else {@code DOCKER_CONFIG}, else ~/.docker.
 */
final class ClientTls {
  private ClientTls() {}

  /** Client options for {@code cli}'s flags and {@code env}; plain when neither asks for TLS. */
  static HttpClientOptions options(CliArgs cli, Map<String, String> env) {
    HttpClientOptions options = new HttpClientOptions();
    boolean verify = cli.options.containsKey("--tlsverify") || !env.getOrDefault("DOCKER_TLS_VERIFY", "").isEmpty();
    if (!verify && !cli.options.containsKey("--tls")) return options;
    Path dir = certDir(env);
    options.setSsl(true);
    if (verify) {
      options.setVerifyHost(true).setTrustOptions(new PemTrustOptions()
          .addCertPath(cli.get("--tlscacert", dir.resolve("ca.pem").toString())));
    } else {
      options.setTrustAll(true).setVerifyHost(false);
    }
    Path cert = Path.of(cli.get("--tlscert", dir.resolve("cert.pem").toString()));
    Path key = Path.of(cli.get("--tlskey", dir.resolve("key.pem").toString()));
    if (Files.isReadable(cert) && Files.isReadable(key)) {
      options.setKeyCertOptions(new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString()));
    }
    return options;
  }

  private static Path certDir(Map<String, String> env) {
    for (String var : new String[] {"DOCKER_CERT_PATH", "DOCKER_CONFIG"}) {
      String v = env.get(var);
      if (v != null && !v.isBlank()) return Path.of(v);
    }
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
  }
}
