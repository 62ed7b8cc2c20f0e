package io.berth.logging.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.PartialMeta;
import io.berth.logging.domain.Rfc3339;
import io.berth.testing.Await;
import io.berth.testing.node.Ports;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each remote driver against a real receiver: rsyslogd (udp, tcp, unix stream, unixgram), systemd-journald run alone in
 * a private mount namespace and read back with {@code journalctl --file}, and test receivers that decode the real wire
 * formats (GELF chunks and compression, Splunk HEC, Fluentd forward decoded by the msgpack library).
 */
@Tag("host")
class RemoteDriversIT {
  @TempDir Path dir;

  private static void send(LogTarget t, LogMessage... messages) throws Exception {
    for (LogMessage m : messages) t.driver().log(m);
    t.driver().flush();
    t.driver().close();
  }

  @Test
  void syslogToRsyslogOverEveryTransportAndFormat() throws Exception {
    int udp = Ports.free();
    int tcp = Ports.free();
    Path out = dir.resolve("out.log");
    String conf = """
        global(workDirectory="%1$s")
        module(load="imudp")
        module(load="imtcp")
        module(load="imuxsock" SysSock.Use="off")
        module(load="imptcp")
        input(type="imudp" address="127.0.0.1" port="%2$d")
        input(type="imtcp" address="127.0.0.1" port="%3$d")
        input(type="imuxsock" Socket="%1$s/dgram.sock" UseSpecialParser="off")
        input(type="imptcp" path="%1$s/stream.sock")
        template(name="t" type="string" string="%%inputname%%|%%syslogfacility-text%%|%%syslogseverity-text%%|%%app-name%%|%%msgid%%|%%msg%%\\n")
        *.* action(type="omfile" file="%4$s" template="t")
        """.formatted(dir, udp, tcp, out);
    Files.writeString(dir.resolve("rsyslog.conf"), conf);
    Process rsyslog = Processes.start(dir.resolve("rsyslog.out"),
        List.of("/usr/sbin/rsyslogd", "-n", "-f", dir.resolve("rsyslog.conf").toString(), "-i", dir.resolve("pid").toString()));
    try {
      Processes.awaitFile(dir.resolve("stream.sock"), null, 10_000);
      Processes.awaitFile(dir.resolve("dgram.sock"), null, 10_000);
      // UDP has no connect to wait for: probe until rsyslogd logs a probe, then every input is up
      try (java.net.DatagramSocket probe = new java.net.DatagramSocket()) {
        byte[] p = "<14>probe: ready".getBytes();
        Await.until("rsyslogd logs a UDP probe", Duration.ofSeconds(10), () -> {
          probe.send(new java.net.DatagramPacket(p, p.length, java.net.InetAddress.getLoopbackAddress(), udp));
          return Files.exists(out) ? Files.readString(out) : "";
        }, text -> text.contains("ready"));
      }
      long t = Rfc3339.nowNanos();
      send(DriverFixtures.open(dir.resolve("a"), "syslog", Map.of("syslog-address", "udp://127.0.0.1:" + udp,
          "syslog-format", "rfc5424", "syslog-facility", "local3", "tag", "{{.Name}}")),
          LogMessage.of(LogStream.STDOUT, "udp rfc5424 out", t), LogMessage.of(LogStream.STDERR, "udp rfc5424 err", t));
      send(DriverFixtures.open(dir.resolve("b"), "syslog", Map.of("syslog-address", "tcp://127.0.0.1:" + tcp,
          "syslog-format", "rfc3164")), LogMessage.of(LogStream.STDOUT, "tcp rfc3164", t));
      send(DriverFixtures.open(dir.resolve("c"), "syslog", Map.of("syslog-address", "unix://" + dir.resolve("stream.sock"),
          "syslog-format", "rfc5424micro", "syslog-facility", "user")), LogMessage.of(LogStream.STDOUT, "unix stream", t));
      send(DriverFixtures.open(dir.resolve("d"), "syslog", Map.of("syslog-address",
          "unixgram://" + dir.resolve("dgram.sock"))), LogMessage.of(LogStream.STDERR, "unixgram local", t));
      Processes.awaitFile(out, "unixgram local", 10_000);
      Processes.awaitFile(out, "unix stream", 10_000);
      Processes.awaitFile(out, "tcp rfc3164", 10_000);
      Processes.awaitFile(out, "udp rfc5424 err", 10_000); // each input has its own thread: wait for every one
      List<String> lines = Files.readAllLines(out);
      assertTrue(lines.contains("imudp|local3|info|web|web|udp rfc5424 out"), lines.toString());
      assertTrue(lines.contains("imudp|local3|err|web|web|udp rfc5424 err"), lines.toString());
      assertTrue(lines.contains("imtcp|daemon|info|" + DriverFixtures.ID.substring(0, 12) + "|-| tcp rfc3164"),
          lines.toString());
      assertTrue(lines.contains("imptcp|user|info|" + DriverFixtures.ID.substring(0, 12) + "|"
          + DriverFixtures.ID.substring(0, 12) + "|unix stream"), lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("imuxsock|daemon|err|") && l.endsWith("unixgram local")),
          lines.toString());
    } finally {
      Processes.stop(rsyslog);
    }
  }

  @Test
  void syslogOverTlsWithOctetCountingToRsyslog() throws Exception {
    assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so")),
        "rsyslog-gnutls is needed for a TLS syslog receiver");
    String certs = "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 1 -subj /CN=test-ca"
        + " && openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1"
        + " && printf 'subjectAltName=IP:127.0.0.1' > san.ext"
        + " && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 1"
        + " -extfile san.ext";
    Process gen = new ProcessBuilder("sh", "-c", certs).directory(dir.toFile()).redirectErrorStream(true).start();
    String genOut = new String(gen.getInputStream().readAllBytes());
    assertEquals(0, gen.waitFor(), genOut);
    int port = Ports.free();
    Path out = dir.resolve("tls.log");
    Files.writeString(dir.resolve("rsyslog-tls.conf"), """
        global(workDirectory="%1$s" DefaultNetstreamDriver="gtls" DefaultNetstreamDriverCAFile="%1$s/ca.pem"
               DefaultNetstreamDriverCertFile="%1$s/server.pem" DefaultNetstreamDriverKeyFile="%1$s/server.key")
        module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.Authmode="anon")
        input(type="imtcp" address="127.0.0.1" port="%2$d")
        template(name="t" type="string" string="%%syslogseverity-text%%|%%app-name%%|%%msgid%%|%%msg%%\n")
        *.* action(type="omfile" file="%3$s" template="t")
        """.formatted(dir, port, out));
    Process rsyslog = Processes.start(dir.resolve("rsyslog-tls.out"), List.of("/usr/sbin/rsyslogd", "-n", "-f",
        dir.resolve("rsyslog-tls.conf").toString(), "-i", dir.resolve("tls.pid").toString()));
    try {
      Await.value("rsyslogd listens for TLS on " + port, Duration.ofSeconds(10), () -> {
        try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
          return true;
        }
      });
      long t = Rfc3339.nowNanos();
      send(DriverFixtures.open(dir.resolve("tls"), "syslog", Map.of("syslog-address", "tcp+tls://127.0.0.1:" + port,
          "syslog-format", "rfc5424", "syslog-tls-ca-cert", dir.resolve("ca.pem").toString(), "tag", "tls")),
          LogMessage.of(LogStream.STDOUT, "first over tls", t), LogMessage.of(LogStream.STDERR, "second over tls", t));
      Processes.awaitFile(out, "second over tls", 10_000);
      assertEquals(List.of("info|tls|tls|first over tls", "err|tls|tls|second over tls"), Files.readAllLines(out));
    } finally {
      Processes.stop(rsyslog);
    }
  }

  @Test
  void gelfUdpChunkedAndCompressedAndTcp() throws Exception {
    try (GelfReceiver r = new GelfReceiver()) {
      byte[] big = new byte[16 * 1024];
      java.util.Random random = new java.util.Random(7);
      for (int i = 0; i < big.length; i++) big[i] = (byte) ('a' + random.nextInt(26));
      long t = Rfc3339.parse("2026-11-27T18:12:18.884754240Z");
      for (String compression : List.of("gzip", "zlib", "none")) {
        send(DriverFixtures.open(dir.resolve(compression), "gelf", Map.of("gelf-address", "udp://127.0.0.1:" + r.udpPort(),
            "gelf-compression-type", compression, "labels", "com.example.tier", "env", "REGION")),
            LogMessage.of(LogStream.STDOUT, "hello " + compression, t),
            new LogMessage(LogStream.STDERR, big, t, new PartialMeta("p", 1, false)));
      }
      send(DriverFixtures.open(dir.resolve("tcp"), "gelf", Map.of("gelf-address", "tcp://127.0.0.1:" + r.tcpPort())),
          LogMessage.of(LogStream.STDOUT, "over tcp", t));
      Await.until("seven GELF messages", Duration.ofSeconds(5), () -> r.messages.size() >= 7);
      assertEquals(7, r.messages.size(), r.messages.toString());
      JsonObject m = r.messages.stream().filter(x -> x.getString("short_message").equals("hello gzip")).findFirst()
          .orElseThrow();
      assertEquals("1.1", m.getString("version"));
      assertEquals(6, m.getInteger("level"));
      assertEquals(1795803138.884, m.getDouble("timestamp"), 1e-9);
      assertEquals(DriverFixtures.ID, m.getString("_container_id"));
      assertEquals("web", m.getString("_container_name"));
      assertEquals("nginx:1.27", m.getString("_image_name"));
      assertEquals("sha256:abc", m.getString("_image_id"));
      assertEquals(DriverFixtures.ID.substring(0, 12), m.getString("_tag"));
      assertEquals("2026-11-27T18:00:00Z", m.getString("_created"));
      assertEquals("front", m.getString("_com.example.tier"));
      assertEquals("eu", m.getString("_REGION"));
      assertTrue(m.containsKey("_command") && m.containsKey("host"));
      List<JsonObject> bigs = r.messages.stream().filter(x -> x.getInteger("level") == 3).toList();
      assertEquals(3, bigs.size());
      for (JsonObject b : bigs) assertEquals(new String(big), b.getString("short_message"));
      assertTrue(r.chunkCounts.stream().anyMatch(c -> c > 1), "the uncompressed 16 KiB message was chunked");
      assertTrue(r.messages.stream().anyMatch(x -> x.getString("short_message").equals("over tcp")));
    }
  }

  @Test
  void splunkHecEventsInEveryFormat() throws Exception {
    try (SplunkReceiver r = new SplunkReceiver("tok-1")) {
      String url = "http://127.0.0.1:" + r.port();
      long t = Rfc3339.parse("2026-11-27T18:12:18.884754Z");
      send(DriverFixtures.open(dir.resolve("inline"), "splunk", Map.of("splunk-url", url, "splunk-token", "tok-1",
          "splunk-source", "src", "splunk-sourcetype", "st", "splunk-index", "main", "splunk-gzip", "true",
          "labels", "com.example.tier")), LogMessage.of(LogStream.STDOUT, "inline line", t));
      send(DriverFixtures.open(dir.resolve("json"), "splunk", Map.of("splunk-url", url, "splunk-token", "tok-1",
          "splunk-format", "json")), LogMessage.of(LogStream.STDERR, "{\"a\":1}", t));
      send(DriverFixtures.open(dir.resolve("raw"), "splunk", Map.of("splunk-url", url, "splunk-token", "tok-1",
          "splunk-format", "raw", "tag", "web")), LogMessage.of(LogStream.STDOUT, "raw line", t));
      assertEquals(3, r.events.size(), r.events.toString());
      JsonObject inline = r.events.get(0);
      assertEquals(new JsonObject().put("line", "inline line").put("source", "stdout")
          .put("tag", DriverFixtures.ID.substring(0, 12)).put("attrs", new JsonObject().put("com.example.tier", "front")),
          inline.getJsonObject("event"));
      assertEquals("1795803138.884754", inline.getString("time"));
      assertEquals("src", inline.getString("source"));
      assertEquals("st", inline.getString("sourcetype"));
      assertEquals("main", inline.getString("index"));
      assertEquals("gzip", r.encodings.get(0));
      assertEquals(new JsonObject().put("a", 1), r.events.get(1).getJsonObject("event").getJsonObject("line"));
      assertEquals("web raw line", r.events.get(2).getString("event"));
    }
  }

  @Test
  void fluentdForwardDecodedByTheMsgpackLibraryWithAcks() throws Exception {
    Path out = dir.resolve("fluent.jsonl");
    Path script = Path.of(getClass().getResource("/fluent_forward.py").toURI());
    Process py = new ProcessBuilder("/usr/bin/python3", script.toString(), out.toString()).start();
    try {
      int port = Integer.parseInt(new BufferedReader(new InputStreamReader(py.getInputStream())).readLine().trim());
      long t = Rfc3339.parse("2026-11-27T18:12:18.884754240Z");
      send(DriverFixtures.open(dir.resolve("f1"), "fluentd", Map.of("fluentd-address", "127.0.0.1:" + port,
          "fluentd-sub-second-precision", "true", "fluentd-request-ack", "true", "env", "REGION", "tag", "docker.{{.Name}}")),
          LogMessage.of(LogStream.STDOUT, "first", t),
          new LogMessage(LogStream.STDERR, "piece".getBytes(), t, new PartialMeta("pid", 1, false)));
      send(DriverFixtures.open(dir.resolve("f2"), "fluentd", Map.of("fluentd-address", "tcp://127.0.0.1:" + port)),
          LogMessage.of(LogStream.STDOUT, "second", t));
      Processes.awaitFile(out, "second", 10_000);
      List<JsonObject> entries = Files.readAllLines(out).stream().map(JsonObject::new).toList();
      assertEquals(3, entries.size());
      JsonObject first = entries.get(0);
      assertEquals("docker.web", first.getString("tag"));
      assertEquals(new JsonObject().put("sec", 1795803138).put("nsec", 884754240), first.getJsonObject("time"));
      assertEquals(new JsonObject().put("container_id", DriverFixtures.ID).put("container_name", "/web")
          .put("source", "stdout").put("log", "first").put("REGION", "eu"), first.getJsonObject("record"));
      JsonObject piece = entries.get(1).getJsonObject("record");
      assertEquals("true", piece.getString("partial_message"));
      assertEquals("pid", piece.getString("partial_id"));
      assertEquals("1", piece.getString("partial_ordinal"));
      assertEquals("false", piece.getString("partial_last"));
      assertEquals(1795803138, entries.get(2).getInteger("time"));
      assertEquals(DriverFixtures.ID.substring(0, 12), entries.get(2).getString("tag"));
    } finally {
      Processes.stop(py);
    }
  }

  @Test
  void journaldNativeProtocolIntoARealJournal() throws Exception {
    Path run = Files.createDirectories(dir.resolve("run-systemd"));
    Path logs = Files.createDirectories(dir.resolve("run-log"));
    String script = "mount --make-rprivate / && mount --bind " + run + " /run/systemd && mount --bind " + logs
        + " /run/log && exec /lib/systemd/systemd-journald";
    Process journald = Processes.start(dir.resolve("journald.out"), List.of("unshare", "-m", "sh", "-c", script));
    String old = System.getProperty("berth.journald.socket");
    try {
      Path socket = run.resolve("journal/socket");
      Processes.awaitFile(socket, null, 10_000);
      System.setProperty("berth.journald.socket", socket.toString());
      long t = Rfc3339.nowNanos();
      send(DriverFixtures.open(dir.resolve("j"), "journald", Map.of("tag", "{{.Name}}/{{.ID}}", "labels",
          "com.example.tier")),
          LogMessage.of(LogStream.STDOUT, "journal out", t), LogMessage.of(LogStream.STDERR, "journal\nerr", t),
          new LogMessage(LogStream.STDOUT, "half".getBytes(), t, new PartialMeta("pp", 1, false)));
      // berth's own logs: the logback appender the service installs when the journal socket exists
      ch.qos.logback.classic.LoggerContext lc =
          (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
      io.berth.logging.daemon.JournaldAppender appender = new io.berth.logging.daemon.JournaldAppender(socket.toString());
      appender.setContext(lc);
      appender.start();
      appender.doAppend(new ch.qos.logback.classic.spi.LoggingEvent("x", lc.getLogger("io.berth.test"),
          ch.qos.logback.classic.Level.WARN, "daemon line {}", null, new Object[] {42}));
      appender.stop();
      assertTrue(!io.berth.logging.daemon.JournaldAppender.installIfPresent(dir.resolve("none").toString()));
      List<JsonObject> entries = Await.until("three entries in the journal", Duration.ofSeconds(5), () -> {
        Path file;
        try (var s = Files.walk(logs)) {
          file = s.filter(p -> p.toString().endsWith("system.journal")).findFirst().orElse(null);
        }
        if (file == null) return List.<JsonObject>of();
        Process q = new ProcessBuilder("journalctl", "--file", file.toString(), "-o", "json", "--all",
            "CONTAINER_ID_FULL=" + DriverFixtures.ID).redirectErrorStream(true).start();
        String text = new String(q.getInputStream().readAllBytes());
        q.waitFor();
        return text.lines().filter(l -> l.startsWith("{")).map(JsonObject::new).toList();
      }, e -> e.size() >= 3);
      assertEquals(3, entries.size(), entries.toString());
      JsonObject out = entries.get(0);
      String shortId = DriverFixtures.ID.substring(0, 12);
      assertEquals("journal out", out.getString("MESSAGE"));
      assertEquals("6", out.getString("PRIORITY"));
      assertEquals(shortId, out.getString("CONTAINER_ID"));
      assertEquals("web", out.getString("CONTAINER_NAME"));
      assertEquals("web/" + shortId, out.getString("CONTAINER_TAG"));
      assertEquals("web/" + shortId, out.getString("SYSLOG_IDENTIFIER"));
      assertEquals("nginx:1.27", out.getString("IMAGE_NAME"));
      assertEquals("front", out.getString("COM_EXAMPLE_TIER"));
      JsonObject err = entries.get(1);
      assertEquals("3", err.getString("PRIORITY"));
      Object message = err.getValue("MESSAGE");
      String text = message instanceof JsonArray a
          ? new String(toBytes(a)) : String.valueOf(message);
      assertEquals("journal\nerr", text);
      assertEquals("true", entries.get(2).getString("CONTAINER_PARTIAL_MESSAGE"));
      assertEquals("pp", entries.get(2).getString("CONTAINER_PARTIAL_ID"));
      assertEquals("1", entries.get(2).getString("CONTAINER_PARTIAL_ORDINAL"));
      assertEquals("false", entries.get(2).getString("CONTAINER_PARTIAL_LAST"));
      Path file;
      try (var st = Files.walk(logs)) {
        file = st.filter(p -> p.toString().endsWith("system.journal")).findFirst().orElseThrow();
      }
      Process q = new ProcessBuilder("journalctl", "--file", file.toString(), "-o", "json", "SYSLOG_IDENTIFIER=berth")
          .redirectErrorStream(true).start();
      List<JsonObject> daemon = new String(q.getInputStream().readAllBytes()).lines().filter(l -> l.startsWith("{"))
          .map(JsonObject::new).toList();
      assertEquals(1, daemon.size(), daemon.toString());
      assertEquals("daemon line 42", daemon.get(0).getString("MESSAGE"));
      assertEquals("4", daemon.get(0).getString("PRIORITY"));
      assertEquals("io.berth.test", daemon.get(0).getString("BERTH_LOGGER"));
    } finally {
      if (old == null) System.clearProperty("berth.journald.socket");
      else System.setProperty("berth.journald.socket", old);
      Processes.stop(journald);
    }
  }

  private static byte[] toBytes(JsonArray a) {
    byte[] b = new byte[a.size()];
    for (int i = 0; i < b.length; i++) b[i] = (byte) a.getInteger(i).intValue();
    return b;
  }

  static String s(byte[] b) {
    return Arrays.toString(b);
  }
}
