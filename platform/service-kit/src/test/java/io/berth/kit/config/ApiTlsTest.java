package io.berth.kit.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dockerd's TLS flags and keys: which mode each combination gives, where the files are by default, the messages for
 * missing files, and the refusal of an unauthenticated TCP listener off loopback. The PEM files under
 * {@code src/test/resources/tls} were made with openssl (an EC CA and a server certificate it signed).
 */
class ApiTlsTest {
  @TempDir Path dir;
  Path certs;

  @BeforeEach
  void copyFixtures() throws IOException {
    certs = Files.createDirectories(dir.resolve("certs"));
    for (String f : List.of("ca.pem", "server-cert.pem", "server-key.pem")) {
      try (InputStream in = getClass().getResourceAsStream("/tls/" + f)) {
        Files.copy(in, certs.resolve(f));
      }
    }
  }

  private DaemonConfig flags(String... args) throws IOException {
    Path file = dir.resolve("daemon.json");
    if (!Files.exists(file)) Files.writeString(file, "{}");
    List<String> all = new java.util.ArrayList<>(List.of("--config", file.toString()));
    all.addAll(List.of(args));
    return NodeFlags.parse(all, Map.of("HOME", dir.toString()));
  }

  private String[] files() {
    return new String[] {"--tlscacert", certs.resolve("ca.pem").toString(), "--tlscert",
        certs.resolve("server-cert.pem").toString(), "--tlskey", certs.resolve("server-key.pem").toString()};
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void tlsverifyIsMutualTls() throws IOException {
    ApiTls tls = flags(concat(files(), "--tlsverify", "-H", "tcp://0.0.0.0:2376")).tls();
    assertTrue(tls.enabled());
    assertTrue(tls.verify());
    assertEquals(certs.resolve("ca.pem"), tls.caCert());
    assertEquals("mutual TLS", tls.mode());
  }

  @Test
  void tlsverifyFalseIsServerTlsOnlyAsWithDockerd() throws IOException {
    ApiTls tls = flags(concat(files(), "--tlsverify=false", "-H", "tcp://0.0.0.0:2376")).tls();
    assertTrue(tls.enabled());
    assertFalse(tls.verify());
  }

  @Test
  void tlsAloneVerifiesClientsUnlessVerificationIsExplicitlyOff() throws IOException {
    // dockerd since 20.10: "enable TLS verification unless explicitly disabled".
    ApiTls tls = flags(concat(files(), "--tls", "-H", "tcp://127.0.0.1:2376")).tls();
    assertTrue(tls.enabled());
    assertTrue(tls.verify());
    ApiTls serverOnly = flags(concat(files(), "--tls", "--tlsverify=false", "-H", "tcp://127.0.0.1:2376")).tls();
    assertFalse(serverOnly.verify());
  }

  @Test
  void theSameFromDaemonJson() throws IOException {
    Files.writeString(dir.resolve("daemon.json"), new io.vertx.core.json.JsonObject()
        .put("hosts", new io.vertx.core.json.JsonArray().add("tcp://0.0.0.0:2376"))
        .put("tls", true).put("tlsverify", false)
        .put("tlscert", certs.resolve("server-cert.pem").toString())
        .put("tlskey", certs.resolve("server-key.pem").toString()).encode());
    ApiTls tls = flags().tls();
    assertTrue(tls.enabled());
    assertFalse(tls.verify());
  }

  @Test
  void noTlsByDefaultAndTcpDefaultsToDockersPorts() throws IOException {
    DaemonConfig plain = flags("-H", "tcp://127.0.0.1");
    assertFalse(plain.tls().enabled());
    assertEquals(2375, plain.apiHosts().get(0).port());
    DaemonConfig tls = flags(concat(files(), "--tlsverify", "-H", "tcp://127.0.0.1"));
    assertEquals(2376, tls.apiHosts().get(0).port());
  }

  @Test
  void tlsWithoutHostsListensOnDockersDefaultTlsHost() throws IOException {
    assertEquals(List.of("tcp://localhost:2376"), flags(concat(files(), "--tlsverify")).hosts());
  }

  @Test
  void defaultFilesAreInDockerCertPathThenDockerConfigThenHome() {
    assertEquals(Path.of("/c/ca.pem"), ApiTls.defaultCertDir(Map.of("DOCKER_CERT_PATH", "/c", "DOCKER_CONFIG", "/d"))
        .resolve("ca.pem"));
    assertEquals(Path.of("/d"), ApiTls.defaultCertDir(Map.of("DOCKER_CONFIG", "/d", "HOME", "/h")));
    assertEquals(Path.of("/h/.docker"), ApiTls.defaultCertDir(Map.of("HOME", "/h")));
  }

  @Test
  void defaultFilesAreUsedWhenNoneAreGiven() throws IOException {
    Path docker = Files.createDirectories(dir.resolve(".docker"));
    Files.copy(certs.resolve("ca.pem"), docker.resolve("ca.pem"));
    Files.copy(certs.resolve("server-cert.pem"), docker.resolve("cert.pem"));
    Files.copy(certs.resolve("server-key.pem"), docker.resolve("key.pem"));
    ApiTls tls = flags("--tlsverify", "-H", "tcp://127.0.0.1:2376").tls();
    assertEquals(docker.resolve("ca.pem"), tls.caCert());
    assertEquals(docker.resolve("cert.pem"), tls.cert());
    assertEquals(docker.resolve("key.pem"), tls.key());
  }

  @Test
  void missingFilesGetDockerdsMessages() {
    ConfigException noDefaults = assertThrows(ConfigException.class, () -> flags("--tlsverify", "-H", "tcp://127.0.0.1:2376"));
    Path cert = dir.resolve(".docker/cert.pem");
    assertEquals("invalid TLS configuration: could not load X509 key pair (cert: \"" + cert + "\", key: \""
        + dir.resolve(".docker/key.pem") + "\"): open " + cert + ": no such file or directory", noDefaults.getMessage());
    Path ca = dir.resolve("nowhere/ca.pem");
    ConfigException noCa = assertThrows(ConfigException.class, () -> flags("--tlsverify", "--tlscacert", ca.toString(),
        "--tlscert", certs.resolve("server-cert.pem").toString(), "--tlskey", certs.resolve("server-key.pem").toString(),
        "-H", "tcp://127.0.0.1:2376"));
    assertEquals("invalid TLS configuration: could not read CA certificate \"" + ca + "\": open " + ca
        + ": no such file or directory", noCa.getMessage());
  }

  @Test
  void serverOnlyTlsNeedsNoCa() {
    assertDoesNotThrow(() -> flags("--tlsverify=false", "--tlscacert", dir.resolve("nowhere.pem").toString(),
        "--tlscert", certs.resolve("server-cert.pem").toString(), "--tlskey", certs.resolve("server-key.pem").toString(),
        "-H", "tcp://0.0.0.0:2376"));
  }

  @Test
  void filesThatAreNotPemAreRefused() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
    ConfigException badCa = assertThrows(ConfigException.class, () -> flags("--tlsverify", "--tlscacert", junk.toString(),
        "--tlscert", certs.resolve("server-cert.pem").toString(), "--tlskey", certs.resolve("server-key.pem").toString()));
    assertEquals("invalid TLS configuration: failed to append certificates from PEM file: \"" + junk + "\"",
        badCa.getMessage());
    ConfigException badCert = assertThrows(ConfigException.class, () -> flags("--tlsverify=false",
        "--tlscert", junk.toString(), "--tlskey", certs.resolve("server-key.pem").toString()));
    assertTrue(badCert.getMessage().endsWith("tls: failed to find any PEM data in certificate input"), badCert.getMessage());
    ConfigException keyIsACert = assertThrows(ConfigException.class, () -> flags("--tlsverify=false",
        "--tlscert", certs.resolve("server-cert.pem").toString(), "--tlskey", certs.resolve("ca.pem").toString()));
    assertTrue(keyIsACert.getMessage().endsWith("tls: failed to find any PEM data in key input"), keyIsACert.getMessage());
  }

  @Test
  void anUnauthenticatedTcpListenerOffLoopbackIsRefused() {
    for (String host : List.of("tcp://0.0.0.0:2375", "tcp://[::]:2375", "tcp://10.1.2.3:2375")) {
      ConfigException e = assertThrows(ConfigException.class, () -> flags("-H", host), host);
      assertTrue(e.getMessage().startsWith("refusing to listen on " + host + ": binding to an IP address without "
          + "--tlsverify is insecure"), e.getMessage());
      assertTrue(e.getMessage().contains("'--tls=false' or '--tlsverify=false'"), e.getMessage());
    }
  }

  @Test
  void loopbackAndExplicitOptInsAreAllowed() {
    for (String host : List.of("tcp://127.0.0.1:2375", "tcp://localhost:2375", "tcp://[::1]:2375", "tcp://127.0.0.5:1")) {
      assertDoesNotThrow(() -> flags("-H", host), host);
    }
    assertDoesNotThrow(() -> flags("--tls=false", "-H", "tcp://0.0.0.0:2375"));
    assertDoesNotThrow(() -> flags(concat(files(), "--tlsverify=false", "-H", "tcp://0.0.0.0:2376")));
    assertDoesNotThrow(() -> flags(concat(files(), "--tlsverify", "-H", "tcp://0.0.0.0:2376")));
  }

  @Test
  void unixSocketsStayPlainAndNeedNoTls() throws IOException {
    DaemonConfig c = flags(concat(files(), "--tlsverify", "-H", "unix:///tmp/b.sock", "-H", "tcp://0.0.0.0:2376"));
    assertTrue(c.apiHosts().get(0).isUnix());
    assertTrue(c.apiHosts().get(1).isTcp());
  }

  @Test
  void switchesTakeNoArgumentAndRefuseOtherValues() {
    ConfigException e = assertThrows(ConfigException.class, () -> flags("--tlsverify=maybe"));
    assertEquals("invalid value for 'tlsverify': maybe is not true or false", e.getMessage());
  }

  @Test
  void hostsOfTheWrongShapeAreNamed() {
    for (String host : List.of("tcp://h:port", "unix://relative", "tcp://[::1", "http://x")) {
      ConfigException e = assertThrows(ConfigException.class, () -> flags("-H", host), host);
      assertTrue(e.getMessage().startsWith("invalid value for 'hosts': " + host), e.getMessage());
    }
  }
}
