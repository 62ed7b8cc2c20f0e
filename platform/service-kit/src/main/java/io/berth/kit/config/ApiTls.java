package io.berth.kit.config;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Map;

/**
 * TLS of the Docker API's TCP listeners, as dockerd's {@code --tls}, {@code --tlsverify}, {@code --tlscacert},
 * {@code --tlscert}, {@code --tlskey} (and the daemon.json keys of the same names). Unix sockets stay plain.
 *
 * <p>dockerd's rules (daemon/command/options.go and daemon.go): setting {@code tlsverify} at all, true or false, turns
 * TLS on; {@code tls} without {@code tlsverify} verifies clients too ("enable TLS verification unless explicitly
 * disabled"), so server-only TLS is {@code tlsverify: false}. Verifying means a client certificate signed by the CA
 * ({@code tlscacert}, and only it) is required. The files default to {@code ca.pem}, {@code cert.pem} and
 * {@code key.pem} in {@code $DOCKER_CERT_PATH}, else {@code $DOCKER_CONFIG}, else {@code ~/.docker}.
 *
 * @param enabled TLS on the TCP listeners
 * @param verify client certificates signed by {@code caCert} are required (mutual TLS)
 * @param explicit {@code tls} or {@code tlsverify} was given, either way: the operator chose, so an unauthenticated
 *     TCP listener off loopback is allowed (dockerd's opt-in, {@code --tls=false} or {@code --tlsverify=false})
 */
public record ApiTls(boolean enabled, boolean verify, boolean explicit, Path caCert, Path cert, Path key) {
  static final String CA_FILE = "ca.pem";
  static final String CERT_FILE = "cert.pem";
  static final String KEY_FILE = "key.pem";

  /** The TLS settings of a validated document; {@code certDir} holds the default files. */
  static ApiTls of(JsonObject json, Path certDir) {
    Boolean tls = json.getBoolean("tls");
    Boolean tlsVerify = json.getBoolean("tlsverify");
    boolean enabled = tlsVerify != null || Boolean.TRUE.equals(tls);
    boolean verify = enabled && (tlsVerify == null || tlsVerify);
    return new ApiTls(enabled, verify, tls != null || tlsVerify != null,
        path(json, "tlscacert", certDir, CA_FILE), path(json, "tlscert", certDir, CERT_FILE),
        path(json, "tlskey", certDir, KEY_FILE));
  }

  /** dockerd's default folder for the TLS files: {@code DOCKER_CERT_PATH}, else {@code DOCKER_CONFIG}, else ~/.docker. */
  static Path defaultCertDir(Map<String, String> env) {
    for (String var : new String[] {"DOCKER_CERT_PATH", "DOCKER_CONFIG"}) {
      String v = env.get(var);
      if (v != null && !v.isBlank()) return Path.of(v);
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".docker");
  }

  private static Path path(JsonObject json, String key, Path certDir, String file) {
    String explicit = json.getString(key);
    return explicit == null || explicit.isBlank() ? certDir.resolve(file) : Path.of(explicit);
  }

  /** What a listener offers, for logs: "mutual TLS", "TLS without client verification" or "plain HTTP". */
  public String mode() {
    return !enabled ? "plain HTTP" : verify ? "mutual TLS" : "TLS without client verification";
  }

  /**
   * Reads the files TLS needs, so a node with a missing or unreadable one refuses to start with dockerd's message
   * ({@code invalid TLS configuration: could not read CA certificate ...}) instead of failing its first handshake.
   */
  void check() {
    if (!enabled) return;
    String pair = "(cert: \"" + cert + "\", key: \"" + key + "\")";
    String certText = read(cert, pair);
    String keyText = read(key, pair);
    if (!certText.contains("-----BEGIN CERTIFICATE-----") || certificates(certText) == 0) {
      throw invalid("error reading X509 key pair - make sure the key is not encrypted " + pair
          + ": tls: failed to find any PEM data in certificate input");
    }
    if (!keyText.matches("(?s).*-----BEGIN [A-Z ]*PRIVATE KEY-----.*")) {
      throw invalid("error reading X509 key pair - make sure the key is not encrypted " + pair
          + ": tls: failed to find any PEM data in key input");
    }
    if (keyText.contains("ENCRYPTED")) {
      throw invalid("error reading X509 key pair - make sure the key is not encrypted " + pair
          + ": private key is encrypted; encrypted private keys are obsolete, and not supported");
    }
    if (!verify) return;
    String caText;
    try {
      caText = Files.readString(caCert, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw invalid("could not read CA certificate \"" + caCert + "\": " + reason(caCert, e));
    }
    if (certificates(caText) == 0) {
      throw invalid("failed to append certificates from PEM file: \"" + caCert + "\"");
    }
  }

  /**
   * dockerd's rule for a TCP listener that does not verify clients, in the form its warnings announce ("in future
   * versions this will be a hard failure"): off loopback it is refused unless the operator opted in explicitly with
   * {@code --tls=false} or {@code --tlsverify=false}.
   */
  void checkExposure(ApiHost host) {
    if (!host.isTcp() || verify || explicit || host.isLoopback()) return;
    throw new ConfigException("refusing to listen on " + host + ": binding to an IP address without --tlsverify is "
        + "insecure and gives root access on this machine to everyone who has access to your network; use "
        + "--tlsverify with --tlscacert, --tlscert and --tlskey, or override this by explicitly specifying "
        + "'--tls=false' or '--tlsverify=false'");
  }

  private static String read(Path file, String pair) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw invalid("could not load X509 key pair " + pair + ": " + reason(file, e));
    } catch (IOException e) {
      throw invalid("error reading X509 key pair - make sure the key is not encrypted " + pair + ": " + reason(file, e));
    }
  }

  private static int certificates(String pem) {
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).size();
    } catch (CertificateException e) {
      return 0;
    }
  }

  /** Go's wording for an open error, as dockerd prints it: {@code open /x: no such file or directory}. */
  private static String reason(Path file, IOException e) {
    if (e instanceof NoSuchFileException) return "open " + file + ": no such file or directory";
    if (e instanceof AccessDeniedException) return "open " + file + ": permission denied";
    return "read " + file + ": " + e.getMessage();
  }

  private static ConfigException invalid(String message) {
    return new ConfigException("invalid TLS configuration: " + message);
  }
}
