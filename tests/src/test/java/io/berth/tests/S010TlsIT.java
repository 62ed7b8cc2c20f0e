package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.Commands;
import io.berth.testing.node.NodeProcess;
import io.berth.testing.node.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker API over TCP with dockerd's TLS, driven by the real docker CLI inside the node's namespace (so
 * 127.0.0.1 is the node's), against certificates made here with openssl as Docker's "Protect the Docker daemon
 * socket" page makes them: a CA, a server certificate for IP 127.0.0.1, a client certificate the CA signed, and a
 * client certificate another CA signed. The node is started twice: with {@code --tlsverify} (mutual TLS), then with
 * {@code --tlsverify=false} (server TLS only).
 */
@Tag("host")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S010TlsIT {
  static final String API = "tcp://127.0.0.1:2376";
  @TempDir static Path dir;
  static Path certs;
  static NodeProcess node;

  @BeforeAll
  static void startNode() throws Exception {
    LabNetns.requireRoot("a node in a network namespace of its own");
    assertTrue(Commands.run("docker", "--version").ok(), "the docker CLI is required; bin/berth test installs it");
    assertTrue(Commands.run("openssl", "version").ok(), "openssl is required; bin/berth test installs it");
    certs = Files.createDirectories(dir.resolve("certs"));
    makeCertificates(certs);
    node = NodeProcess.create(dir.resolve("node"), "tls1");
    node.start(serverFlags("--tlsverify"));
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) node.close();
  }

  private static String[] serverFlags(String mode) {
    return new String[] {mode, "--tlscacert", certs.resolve("ca.pem").toString(),
        "--tlscert", certs.resolve("server-cert.pem").toString(), "--tlskey", certs.resolve("server-key.pem").toString(),
        "-H", API};
  }

  /** Docker's recipe with openssl: RSA keys, the server's SAN IP:127.0.0.1, extendedKeyUsage serverAuth/clientAuth. */
  static void makeCertificates(Path d) throws IOException {
    ssl(d, "genrsa", "-out", "ca-key.pem", "2048");
    ssl(d, "req", "-new", "-x509", "-days", "2", "-key", "ca-key.pem", "-sha256", "-subj", "/CN=berth lab CA", "-out", "ca.pem");
    ssl(d, "genrsa", "-out", "other-ca-key.pem", "2048");
    ssl(d, "req", "-new", "-x509", "-days", "2", "-key", "other-ca-key.pem", "-sha256", "-subj", "/CN=another CA",
        "-out", "other-ca.pem");
    signed(d, "server", "ca", "subjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth\n");
    signed(d, "client", "ca", "extendedKeyUsage = clientAuth\n");
    signed(d, "stranger", "other-ca", "extendedKeyUsage = clientAuth\n");
    // What the CLI finds through DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem.
    certFolder(d, "client-env", "client");
    certFolder(d, "stranger-env", "stranger");
  }

  private static void signed(Path d, String name, String ca, String extensions) throws IOException {
    ssl(d, "genrsa", "-out", name + "-key.pem", "2048");
    ssl(d, "req", "-subj", "/CN=" + name, "-new", "-key", name + "-key.pem", "-out", name + ".csr");
    Files.writeString(d.resolve(name + ".cnf"), extensions);
    ssl(d, "x509", "-req", "-days", "2", "-sha256", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + "-key.pem",
        "-CAcreateserial", "-out", name + "-cert.pem", "-extfile", name + ".cnf");
  }

  private static void certFolder(Path d, String folder, String who) throws IOException {
    Path f = Files.createDirectories(d.resolve(folder));
    Files.copy(d.resolve("ca.pem"), f.resolve("ca.pem"));
    Files.copy(d.resolve(who + "-cert.pem"), f.resolve("cert.pem"));
    Files.copy(d.resolve(who + "-key.pem"), f.resolve("key.pem"));
  }

  private static void ssl(Path d, String... args) {
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", "cd \"$0\" && exec openssl \"$@\"", d.toString()));
    cmd.addAll(List.of(args));
    Commands.Result r = Commands.run(cmd, Map.of(), 60);
    assertTrue(r.ok(), "openssl " + String.join(" ", args) + ": " + r);
  }

  /** The docker CLI in the node's namespace, with a config folder of its own and no TLS settings from outside. */
  private static Commands.Result docker(Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(Map.of("DOCKER_CONFIG", dir.resolve("docker-config").toString(),
        "DOCKER_HOST", "", "DOCKER_TLS_VERIFY", "", "DOCKER_CERT_PATH", "", "DOCKER_CONTEXT", ""));
    all.putAll(env);
    List<String> cmd = new ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    return node.inNetnsEnv(all, cmd.toArray(String[]::new));
  }

  private static Commands.Result docker(String... args) {
    return docker(Map.of(), args);
  }

  private static String cert(String name) {
    return certs.resolve(name).toString();
  }

  private static void assertRefused(Commands.Result r) {
    assertNotEquals(0, r.exit(), r.toString());
    assertFalse(r.out().contains("Server: berth"), r.toString());
  }

  @Test
  @Order(1)
  void aClientCertificateTheCaSignedGetsIn() {
    Commands.Result r = docker("--tlsverify", "--tlscacert", cert("ca.pem"), "--tlscert", cert("client-cert.pem"),
        "--tlskey", cert("client-key.pem"), "-H", API, "version");
    assertTrue(r.ok(), r.toString());
    assertTrue(r.out().contains("Server: berth"), r.out());
  }

  @Test
  @Order(2)
  void theSameThroughDockerTlsVerifyAndDockerCertPath() {
    Commands.Result r = docker(Map.of("DOCKER_HOST", API, "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", cert("client-env")), "version", "--format", "{{.Server.APIVersion}}");
    assertTrue(r.ok(), r.toString());
    assertEquals("1.51", r.out().trim());
  }

  @Test
  @Order(3)
  void noClientCertificateIsRefused() {
    Commands.Result r = docker("--tlsverify", "--tlscacert", cert("ca.pem"), "-H", API, "version");
    assertRefused(r);
    assertTrue(r.err().contains("certificate"), r.toString());
  }

  @Test
  @Order(4)
  void aClientCertificateOfAnotherCaIsRefused() {
    assertRefused(docker("--tlsverify", "--tlscacert", cert("ca.pem"), "--tlscert", cert("stranger-cert.pem"),
        "--tlskey", cert("stranger-key.pem"), "-H", API, "version"));
    assertRefused(docker(Map.of("DOCKER_HOST", API, "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", cert("stranger-env")),
        "version"));
  }

  @Test
  @Order(5)
  void aPlaintextClientGetsNothing() {
    assertRefused(docker("-H", API, "version"));
  }

  @Test
  @Order(6)
  void theUnixSocketStaysPlain() {
    assertTrue(node.docker("version").ok());
  }

  @Test
  @Order(6)
  void berthLogLevelSpeaksTlsLikeTheCli() {
    String berth = Repo.root().resolve("bin/berth").toString();
    Commands.Result r = node.inNetnsEnv(Map.of("BERTH_SKIP_INSTALL", "1"), berth, "log-level", "-H", API, "--tlsverify",
        "--tlscacert", cert("ca.pem"), "--tlscert", cert("client-cert.pem"), "--tlskey", cert("client-key.pem"));
    assertTrue(r.ok(), r.toString());
    assertEquals("info", r.out().trim());
    Commands.Result env = node.inNetnsEnv(Map.of("BERTH_SKIP_INSTALL", "1", "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", cert("client-env")), berth, "log-level", "-H", API);
    assertEquals("info", env.out().trim(), env.toString());
    Commands.Result stranger = node.inNetnsEnv(Map.of("BERTH_SKIP_INSTALL", "1", "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", cert("stranger-env")), berth, "log-level", "-H", API);
    assertNotEquals(0, stranger.exit(), stranger.toString());
  }

  @Test
  @Order(7)
  void tlsverifyFalseIsServerTlsWithoutClientCertificates() throws Exception {
    assertEquals(143, node.stop(), "a clean stop");
    node.start(serverFlags("--tlsverify=false"));
    Commands.Result verified = docker("--tlsverify", "--tlscacert", cert("ca.pem"), "-H", API, "version");
    assertTrue(verified.ok(), verified.toString());
    assertTrue(verified.out().contains("Server: berth"), verified.out());
    // The CLI's --tls encrypts without checking the server (it still wants a CA file to read).
    Commands.Result tls = docker("--tls", "--tlscacert", cert("other-ca.pem"), "-H", API, "version");
    assertTrue(tls.ok(), tls.toString());
    assertRefused(docker("-H", API, "version"));
  }

  @Test
  @Order(8)
  void aNodeRefusesToListenOffLoopbackWithoutTls() throws Exception {
    Commands.Result r = node.inNetnsEnv(Map.of("BERTH_SKIP_INSTALL", "1"), Repo.root().resolve("bin/berth").toString(),
        "up", "--data-root", dir.resolve("open-data").toString(), "--exec-root", dir.resolve("open-run").toString(),
        "--config", dir.resolve("node/daemon.json").toString(),
        "-H", "tcp://0.0.0.0:2375");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains("refusing to listen on tcp://0.0.0.0:2375: binding to an IP address without --tlsverify "
        + "is insecure"), r.toString());
    assertTrue(r.err().contains("'--tls=false' or '--tlsverify=false'"), r.toString());
    assertFalse(Files.exists(dir.resolve("open-data").resolve("kafka")), "nothing was started");
  }

  @Test
  @Order(9)
  void aNodeWithAMissingCaRefusesToStartWithDockerdsMessage() {
    Path missing = dir.resolve("no-such-ca.pem");
    Commands.Result r = node.inNetnsEnv(Map.of("BERTH_SKIP_INSTALL", "1"), Repo.root().resolve("bin/berth").toString(),
        "up", "--data-root", dir.resolve("ca-data").toString(), "--exec-root", dir.resolve("ca-run").toString(),
        "--config", dir.resolve("node/daemon.json").toString(), "--tlsverify", "--tlscacert", missing.toString(),
        "--tlscert", cert("server-cert.pem"), "--tlskey", cert("server-key.pem"), "-H", API);
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains("invalid TLS configuration: could not read CA certificate \"" + missing + "\": open "
        + missing + ": no such file or directory"), r.toString());
  }
}
