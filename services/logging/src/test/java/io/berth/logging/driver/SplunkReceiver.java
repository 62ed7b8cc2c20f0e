package io.berth.logging.driver;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A Splunk HTTP Event Collector: {@code POST /services/collector/event/1.0}, token checked, gzip bodies inflated,
 * the concatenated JSON envelopes split and kept. Can be stopped and started again on the same port (sink down).
 */
final class SplunkReceiver implements AutoCloseable {
  final List<JsonObject> events = new CopyOnWriteArrayList<>();
  final List<String> encodings = new CopyOnWriteArrayList<>();
  private final String token;
  private final int port;
  private HttpServer server;

  SplunkReceiver(String token) throws IOException {
    this.token = token;
    this.port = io.berth.testing.node.Ports.free();
    start();
  }

  int port() { return port; }

  synchronized void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/services/collector/event/1.0", ex -> {
      if (!("Splunk " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        ex.sendResponseHeaders(401, -1);
        ex.close();
        return;
      }
      String enc = ex.getRequestHeaders().getFirst("Content-Encoding");
      encodings.add(enc == null ? "" : enc);
      InputStream in = "gzip".equals(enc) ? new GZIPInputStream(ex.getRequestBody()) : ex.getRequestBody();
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      io.vertx.core.parsetools.JsonParser parser = io.vertx.core.parsetools.JsonParser.newParser().objectValueMode();
      parser.handler(e -> events.add(e.objectValue()));
      parser.handle(io.vertx.core.buffer.Buffer.buffer(body));
      parser.end();
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
