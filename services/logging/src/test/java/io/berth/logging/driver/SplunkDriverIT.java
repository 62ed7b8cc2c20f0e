package io.berth.logging.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.LogConfigValidator;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.driver.splunk.SplunkBatching;
import io.berth.testing.Await;
import io.berth.testing.node.Ports;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's splunk driver beyond the wire format (RemoteDriversIT): the connection check at create
 * ({@code splunk-verify-connection}), the daemon's batching environment, and TLS ({@code splunk-capath},
 * {@code splunk-caname}, {@code splunk-insecureskipverify}) against an HTTPS HEC receiver with openssl-made certs.
 */
@Tag("host")
class SplunkDriverIT {
  @TempDir Path dir;

  private static LogTarget open(Path dir, Map<String, String> opts, Map<String, String> env) throws Exception {
    EffectiveLogConfig cfg = new EffectiveLogConfig("splunk", opts);
    LogConfigValidator.validate(cfg);
    return new LogDrivers(HttpClient.newHttpClient(), env).open(DriverFixtures.CONTAINER, cfg, dir,
        DropListener.NONE, () -> { });
  }

  private static void awaitEvents(SplunkReceiver r, int n) {
    Await.until(n + " events at the receiver", Duration.ofSeconds(10), () -> r.events.size() >= n);
    assertEquals(n, r.events.size(), r.events.toString());
  }

  @Test
  void theConnectionIsCheckedAtCreateUnlessVerificationIsOff() throws Exception {
    try (SplunkReceiver r = new SplunkReceiver("t")) {
      Map<String, String> opts = Map.of("splunk-url", "http://127.0.0.1:" + r.port(), "splunk-token", "t");
      open(dir.resolve("ok"), opts, Map.of()).driver().close();
      assertEquals(1, r.options.size(), "one OPTIONS request on the event endpoint");
      r.optionsStatus = 503;
      BerthException.InvalidRequest unhealthy = assertThrows(BerthException.InvalidRequest.class,
          () -> open(dir.resolve("503"), opts, Map.of()));
      assertEquals("splunk: failed to verify connection - 503 Service Unavailable - "
          + "{\"text\":\"HEC is unhealthy\",\"code\":9}", unhealthy.getMessage());
      Map<String, String> unchecked = new HashMap<>(opts);
      unchecked.put("splunk-verify-connection", "false");
      open(dir.resolve("unchecked"), unchecked, Map.of()).driver().close();
      assertEquals(2, r.options.size(), "false skips the check");
    }
    int closed = Ports.free();
    String url = "http://127.0.0.1:" + closed;
    BerthException.InvalidRequest refused = assertThrows(BerthException.InvalidRequest.class,
        () -> open(dir.resolve("closed"), Map.of("splunk-url", url, "splunk-token", "t"), Map.of()));
    assertEquals("Options \"" + url + "/services/collector/event/1.0\": dial tcp 127.0.0.1:" + closed
        + ": connect: connection refused", refused.getMessage());
    open(dir.resolve("closed-unchecked"), Map.of("splunk-url", url, "splunk-token", "t",
        "splunk-verify-connection", "0"), Map.of()).driver().close();
  }

  @Test
  void batchesFollowTheDaemonsEnvironment() throws Exception {
    try (SplunkReceiver r = new SplunkReceiver("t")) {
      Map<String, String> opts = Map.of("splunk-url", "http://127.0.0.1:" + r.port(), "splunk-token", "t");
      LogTarget t = open(dir.resolve("freq"), opts, Map.of(
          "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_BATCH_SIZE", "10",
          "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_FREQUENCY", "2s"));
      long t0 = System.nanoTime();
      for (int i = 0; i < 25; i++) t.driver().log(LogMessage.of(LogStream.STDOUT, "line " + i, i));
      t.driver().flush();
      awaitEvents(r, 25);
      List<Integer> sizes = r.posts.stream().map(SplunkReceiver.Post::events).toList();
      assertEquals(List.of(10, 10, 5), sizes);
      long lastMs = (r.posts.get(2).atNanos() - t0) / 1_000_000;
      assertTrue(lastMs >= 1_950, "the short batch waited for the post frequency: " + lastMs + " ms");
      assertTrue((r.posts.get(1).atNanos() - t0) / 1_000_000 < 1_500, "full batches go at once: "
          + r.posts.stream().map(p -> (p.atNanos() - t0) / 1_000_000 + " ms").toList());
      t.driver().close();

      // a frequency longer than the test: the short batch goes only when the driver closes
      r.posts.clear();
      r.events.clear();
      LogTarget slow = open(dir.resolve("hour"), opts, Map.of(
          "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_BATCH_SIZE", "10",
          "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_FREQUENCY", "1h"));
      for (int i = 0; i < 23; i++) slow.driver().log(LogMessage.of(LogStream.STDOUT, "line " + i, i));
      slow.driver().flush();
      awaitEvents(r, 20);
      assertEquals(List.of(10, 10), r.posts.stream().map(SplunkReceiver.Post::events).toList());
      slow.driver().close();
      assertEquals(23, r.events.size());
      assertEquals("line 22", r.events.get(22).getJsonObject("event").getString("line"));
    }
  }

  @Test
  void batchingEnvironmentDefaultsAndBadValuesAreDockers() {
    assertEquals(new SplunkBatching(5_000, 1000, 10_000, 4_000), SplunkBatching.from(Map.of()));
    assertEquals(new SplunkBatching(1_500, 50, 200, 100), SplunkBatching.from(Map.of(
        "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_FREQUENCY", "1.5s",
        "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_BATCH_SIZE", "50",
        "SPLUNK_LOGGING_DRIVER_BUFFER_MAX", "200",
        "SPLUNK_LOGGING_DRIVER_CHANNEL_SIZE", "100")));
    assertEquals(SplunkBatching.DEFAULTS, SplunkBatching.from(Map.of(
        "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_FREQUENCY", "often",
        "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_BATCH_SIZE", "many")));
  }

  @Test
  void tlsUsesTheCaPathTheCaNameOrSkipsVerification() throws Exception {
    String certs = String.join(" && ",
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 1 -subj /CN=hec-ca",
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other-ca.pem -days 1 -subj /CN=other",
        "openssl req -newkey rsa:2048 -nodes -keyout hec.key -out hec.csr -subj /CN=hec",
        "printf 'subjectAltName=DNS:hec.splunk.test\\n' > hec.ext",
        "openssl x509 -req -in hec.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out hec.pem -days 1 -extfile hec.ext",
        "openssl pkcs12 -export -in hec.pem -inkey hec.key -out hec.p12 -passout pass:pw");
    Process gen = new ProcessBuilder("sh", "-c", certs).directory(dir.toFile()).redirectErrorStream(true).start();
    String genOut = new String(gen.getInputStream().readAllBytes());
    assertEquals(0, gen.waitFor(), genOut);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("hec.p12"))) {
      ks.load(in, "pw".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "pw".toCharArray());
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);
    try (SplunkReceiver r = new SplunkReceiver("t", server)) {
      String url = "https://127.0.0.1:" + r.port();
      String ca = dir.resolve("ca.pem").toString();
      // the certificate names hec.splunk.test, the URL an address: the CA alone is not enough
      BerthException.InvalidRequest wrongName = assertThrows(BerthException.InvalidRequest.class,
          () -> open(dir.resolve("name"), Map.of("splunk-url", url, "splunk-token", "t", "splunk-capath", ca),
              Map.of()));
      assertEquals("Options \"" + url + "/services/collector/event/1.0\": tls: failed to verify certificate: "
          + "x509: cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs",
          wrongName.getMessage());
      LogTarget named = open(dir.resolve("caname"), Map.of("splunk-url", url, "splunk-token", "t",
          "splunk-capath", ca, "splunk-caname", "hec.splunk.test"), Map.of());
      named.driver().log(LogMessage.of(LogStream.STDOUT, "over tls", 1));
      named.driver().close();
      assertEquals("over tls", r.events.get(0).getJsonObject("event").getString("line"));

      Map<String, String> otherCa = new HashMap<>(Map.of("splunk-url", url, "splunk-token", "t",
          "splunk-capath", dir.resolve("other-ca.pem").toString(), "splunk-caname", "hec.splunk.test"));
      assertThrows(BerthException.InvalidRequest.class, () -> open(dir.resolve("other"), otherCa, Map.of()));
      // without a CA the system roots apply, which do not know this one either
      assertThrows(BerthException.InvalidRequest.class, () -> open(dir.resolve("system"),
          Map.of("splunk-url", url, "splunk-token", "t"), Map.of()));
      otherCa.put("splunk-insecureskipverify", "true");
      LogTarget skipped = open(dir.resolve("skip"), otherCa, Map.of());
      skipped.driver().log(LogMessage.of(LogStream.STDOUT, "unverified", 2));
      skipped.driver().close();
      assertEquals(2, r.events.size());
      assertEquals("unverified", r.events.get(1).getJsonObject("event").getString("line"));
      BerthException.InvalidRequest noFile = assertThrows(BerthException.InvalidRequest.class,
          () -> open(dir.resolve("nofile"), Map.of("splunk-url", url, "splunk-token", "t",
              "splunk-capath", dir.resolve("missing.pem").toString()), Map.of()));
      assertEquals("open " + dir.resolve("missing.pem") + ": no such file or directory", noFile.getMessage());
    }
  }
}
