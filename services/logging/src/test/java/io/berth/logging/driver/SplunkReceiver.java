package io.berth.logging.driver;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * A Splunk HTTP Event Collector: {@code POST /services/collector/event/1.0}, token checked, gzip bodies inflated,
 * the concatenated JSON envelopes split and kept, each request's event count and arrival time recorded;
 * {@code OPTIONS} on the same path (Docker's connection check) answers {@link #optionsStatus}. Plain HTTP, or HTTPS
 * with the given context. Can be stopped and started again on the same port (sink down).
 */
final class SplunkReceiver implements AutoCloseable {
  /** One POST: how many events it carried and when it arrived ({@link System#nanoTime()}). */
  record Post(int events, long atNanos) {}

  final List<JsonObject> events = new CopyOnWriteArrayList<>();
  final List<String> encodings = new CopyOnWriteArrayList<>();
  final List<Post> posts = new CopyOnWriteArrayList<>();
  final List<Long> options = new CopyOnWriteArrayList<>();
  volatile int optionsStatus = 200;
  private final String token;
  private final int port;
  private final SSLContext tls;
  private HttpServer server;

  SplunkReceiver(String token) throws IOException {
    this(token, null);
  }

  SplunkReceiver(String token, SSLContext tls) throws IOException {
    this.token = token;
    this.tls = tls;
    this.port = io.berth.testing.node.Ports.free();
    start();
  }

  int port() { return port; }

  synchronized void start() throws IOException {
    InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    if (tls == null) {
      server = HttpServer.create(at, 0);
    } else {
      HttpsServer https = HttpsServer.create(at, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
    }
    server.createContext("/services/collector/event/1.0", ex -> {
      if (ex.getRequestMethod().equals("OPTIONS")) {
        options.add(System.nanoTime());
        byte[] why = (optionsStatus == 200 ? "" : "{\"text\":\"HEC is unhealthy\",\"code\":9}").getBytes();
        ex.sendResponseHeaders(optionsStatus, why.length == 0 ? -1 : why.length);
        if (why.length > 0) ex.getResponseBody().write(why);
        ex.close();
        return;
      }
      if (!("Splunk " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        ex.sendResponseHeaders(401, -1);
        ex.close();
        return;
      }
      String enc = ex.getRequestHeaders().getFirst("Content-Encoding");
      encodings.add(enc == null ? "" : enc);
      InputStream in = "gzip".equals(enc) ? new GZIPInputStream(ex.getRequestBody()) : ex.getRequestBody();
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<JsonObject> got = new java.util.ArrayList<>();
      io.vertx.core.parsetools.JsonParser parser = io.vertx.core.parsetools.JsonParser.newParser().objectValueMode();
      parser.handler(e -> got.add(e.objectValue()));
      parser.handle(io.vertx.core.buffer.Buffer.buffer(body));
      parser.end();
      events.addAll(got);
      posts.add(new Post(got.size(), System.nanoTime()));
      byte[] ok = "{\"text\":\"Success\",\"code\":0}".getBytes();
      ex.sendResponseHeaders(200, ok.length);
      ex.getResponseBody().write(ok);
      ex.close();
    });
    server.start();
  }

  synchronized void stop() {
    server.stop(0);
  }

  @Override
  public void close() {
    stop();
  }
}
