package io.berth.logging.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.berth.kit.errors.BerthException;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.Rfc3339;
import io.berth.logging.tls.TlsClient;
import io.berth.testing.Await;
import io.berth.testing.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * syslog over {@code tcp+tls} with client certificates against rsyslogd's gtls driver in
 * {@code x509/certvalid} mode (a client must present a certificate its CA signed). Certificates are made by the test
 * with the openssl CLI: an RSA client key in PKCS#1 form and an EC one in SEC 1 form (the JDK reads neither
 * directly), a server certificate naming only 127.0.0.1, and a second, unrelated CA.
 */
@Tag("host")
class SyslogTlsIT {
  @TempDir static Path dir;
  static int port;
  static Path out;
  static Process rsyslog;

  @BeforeAll
  static void startReceiver() throws Exception {
    assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so")),
        "rsyslog-gnutls is needed for a TLS syslog receiver");
    String certs = String.join(" && ",
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 1 -subj /CN=test-ca",
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other-ca.pem -days 1 -subj /CN=other-ca",
        "openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=syslog-server",
        "printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n' > server.ext",
        "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 1"
            + " -extfile server.ext",
        "printf 'extendedKeyUsage=clientAuth\\n' > client.ext",
        "openssl req -newkey rsa:2048 -nodes -keyout client8.key -out client.csr -subj /CN=client-rsa",
        "openssl rsa -in client8.key -traditional -out client-rsa.key",
        "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client-rsa.pem -days 1"
            + " -extfile client.ext",
        "openssl ecparam -name prime256v1 -genkey -noout -out client-ec.key",
        "openssl req -new -key client-ec.key -out client-ec.csr -subj /CN=client-ec",
        "openssl x509 -req -in client-ec.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client-ec.pem -days 1"
            + " -extfile client.ext");
    Process gen = new ProcessBuilder("sh", "-c", certs).directory(dir.toFile()).redirectErrorStream(true).start();
    String genOut = new String(gen.getInputStream().readAllBytes());
    assertEquals(0, gen.waitFor(), genOut);
    assertTrue(Files.readString(dir.resolve("client-rsa.key")).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    assertTrue(Files.readString(dir.resolve("client-ec.key")).startsWith("-----BEGIN EC PRIVATE KEY-----"));
    port = Ports.free();
    out = dir.resolve("tls.log");
    Files.writeString(dir.resolve("rsyslog.conf"), """
        global(workDirectory="%1$s" DefaultNetstreamDriver="gtls" DefaultNetstreamDriverCAFile="%1$s/ca.pem"
               DefaultNetstreamDriverCertFile="%1$s/server.pem" DefaultNetstreamDriverKeyFile="%1$s/server.key")
        module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.Authmode="x509/certvalid")
        input(type="imtcp" address="127.0.0.1" port="%2$d")
        template(name="t" type="string" string="%%syslogseverity-text%%|%%app-name%%|%%msg%%\\n")
        *.* action(type="omfile" file="%3$s" template="t")
        """.formatted(dir, port, out));
    rsyslog = Processes.start(dir.resolve("rsyslog.out"), List.of("/usr/sbin/rsyslogd", "-n", "-f",
        dir.resolve("rsyslog.conf").toString(), "-i", dir.resolve("pid").toString()));
    try {
      Await.value("rsyslogd listens for TLS on " + port, Duration.ofSeconds(10), () -> {
        try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
          return true;
        }
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; rsyslogd said: " + Files.readString(dir.resolve("rsyslog.out")), e);
    }
  }

  @AfterAll
  static void stopReceiver() throws InterruptedException {
    Processes.stop(rsyslog);
  }

  private static Map<String, String> opts(String... kv) {
    Map<String, String> m = new HashMap<>(Map.of("syslog-address", "tcp+tls://127.0.0.1:" + port,
        "syslog-format", "rfc5424"));
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  private static void send(String sub, Map<String, String> opts, String line) throws Exception {
    LogTarget t = DriverFixtures.open(dir.resolve(sub), "syslog", opts);
    t.driver().log(LogMessage.of(LogStream.STDOUT, line, Rfc3339.nowNanos()));
    t.driver().flush();
    t.driver().close();
  }

  @Test
  void clientCertificatesInPkcs1AndSec1FormAreAcceptedByAReceiverThatRequiresOne() throws Exception {
    send("rsa", opts("syslog-tls-ca-cert", dir.resolve("ca.pem").toString(),
        "syslog-tls-cert", dir.resolve("client-rsa.pem").toString(),
        "syslog-tls-key", dir.resolve("client-rsa.key").toString(), "tag", "rsa"), "hello with an RSA client");
    send("ec", opts("syslog-tls-ca-cert", dir.resolve("ca.pem").toString(),
        "syslog-tls-cert", dir.resolve("client-ec.pem").toString(),
        "syslog-tls-key", dir.resolve("client-ec.key").toString(), "tag", "ec"), "hello with an EC client");
    Processes.awaitFile(out, "hello with an EC client", 10_000);
    Processes.awaitFile(out, "hello with an RSA client", 10_000);
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.contains("info|rsa|hello with an RSA client"), lines.toString());
    assertTrue(lines.contains("info|ec|hello with an EC client"), lines.toString());
  }

  @Test
  void withoutAClientCertificateTheReceiverRejectsTheConnection() throws Exception {
    // TLS 1.3 finishes the client's side of the handshake before the server judges the client's certificate, so
    // the refusal shows at the receiver: the line is never logged, while a line sent after it with a certificate is.
    send("anon", opts("syslog-tls-ca-cert", dir.resolve("ca.pem").toString(), "tag", "anon"), "nobody's line");
    send("marker", opts("syslog-tls-ca-cert", dir.resolve("ca.pem").toString(),
        "syslog-tls-cert", dir.resolve("client-rsa.pem").toString(),
        "syslog-tls-key", dir.resolve("client-rsa.key").toString(), "tag", "marker"), "after the anonymous one");
    Processes.awaitFile(out, "after the anonymous one", 10_000);
    assertFalse(Files.readString(out).contains("nobody's line"), Files.readString(out));
  }

  @Test
  void aServerSignedByAnotherCaOrNamedOtherwiseIsRefusedUnlessVerificationIsSkipped() throws Exception {
    Map<String, String> wrongCa = opts("syslog-tls-ca-cert", dir.resolve("other-ca.pem").toString(),
        "syslog-tls-cert", dir.resolve("client-rsa.pem").toString(),
        "syslog-tls-key", dir.resolve("client-rsa.key").toString());
    assertThrows(SSLHandshakeException.class, () -> TlsClient.syslog(wrongCa).connect("127.0.0.1", port, 5000).close());
    // the certificate names 127.0.0.1 only: "localhost" is the same server under a name it does not carry
    Map<String, String> rightCa = opts("syslog-tls-ca-cert", dir.resolve("ca.pem").toString(),
        "syslog-tls-cert", dir.resolve("client-rsa.pem").toString(),
        "syslog-tls-key", dir.resolve("client-rsa.key").toString());
    SSLHandshakeException wrongName = assertThrows(SSLHandshakeException.class,
        () -> TlsClient.syslog(rightCa).connect("localhost", port, 5000).close());
    assertTrue(String.valueOf(wrongName.getCause()).contains(
        "x509: certificate is not valid for any names, but wanted to match localhost"), wrongName.toString());
    TlsClient.syslog(rightCa).connect("127.0.0.1", port, 5000).close();
    // Docker skips verification when the key is present, whatever its value
    Map<String, String> skipped = new HashMap<>(wrongCa);
    skipped.put("syslog-tls-skip-verify", "false");
    skipped.put("tag", "skipped");
    send("skip", skipped, "sent without verifying the server");
    Processes.awaitFile(out, "sent without verifying the server", 10_000);
  }

  @Test
  void unusableCertificateFilesRefuseTheContainerWithDockersMessages() throws Exception {
    BerthException.InvalidRequest noKey = assertThrows(BerthException.InvalidRequest.class,
        () -> DriverFixtures.open(dir.resolve("nokey"), "syslog", opts(
            "syslog-tls-cert", dir.resolve("client-rsa.pem").toString(),
            "syslog-tls-key", dir.resolve("missing.key").toString())));
    assertEquals("Could not load X509 key pair (cert: \"" + dir.resolve("client-rsa.pem") + "\", key: \""
        + dir.resolve("missing.key") + "\"): open " + dir.resolve("missing.key") + ": no such file or directory",
        noKey.getMessage());
    BerthException.InvalidRequest badKey = assertThrows(BerthException.InvalidRequest.class,
        () -> DriverFixtures.open(dir.resolve("badkey"), "syslog", opts(
            "syslog-tls-cert", dir.resolve("client-rsa.pem").toString(),
            "syslog-tls-key", dir.resolve("client-rsa.pem").toString())));
    assertTrue(badKey.getMessage().endsWith("Make sure the key is not encrypted."), badKey.getMessage());
    BerthException.InvalidRequest noCa = assertThrows(BerthException.InvalidRequest.class,
        () -> DriverFixtures.open(dir.resolve("noca"), "syslog", opts(
            "syslog-tls-ca-cert", dir.resolve("missing.pem").toString())));
    assertEquals("Could not read CA certificate \"" + dir.resolve("missing.pem") + "\": open "
        + dir.resolve("missing.pem") + ": no such file or directory", noCa.getMessage());
  }
}
