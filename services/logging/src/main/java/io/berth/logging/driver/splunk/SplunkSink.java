package io.berth.logging.driver.splunk;

import io.berth.kit.errors.BerthException;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.remote.RemoteSink;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Splunk HTTP Event Collector: {@code POST <splunk-url>/services/collector/event/1.0} with
 * {@code Authorization: Splunk <token>}, a batch of concatenated envelopes {@code {"event":...,"time":"sec.micro",
 * "host":...,"source"?,"sourcetype"?,"index"?}}; {@code splunk-format} inline (event = {@code {"line","source","tag",
 * "attrs"?}}), json (the line parsed as JSON when it is) or raw ({@code tag attrs line} as text); optional gzip. A
 * batch counts as delivered only on HTTP 200.
 */
public final class SplunkSink implements RemoteSink {
  private final HttpClient client;
  private final URI endpoint;
  private final String token;
  private final Map<String, String> opts;
  private final String tag;
  private final Map<String, String> attrs;
  private final String host;

  public SplunkSink(HttpClient client, Map<String, String> opts, String tag, Map<String, String> attrs, String host) {
    this.client = client;
    String url = opts.get("splunk-url");
    this.endpoint = URI.create((url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        + "/services/collector/event/1.0");
    this.token = opts.get("splunk-token");
    this.opts = opts;
    this.tag = tag;
    this.attrs = attrs;
    this.host = host;
  }

  @Override public String driver() { return "splunk"; }

  @Override
  public void send(List<LogMessage> batch) throws IOException {
    StringBuilder body = new StringBuilder(batch.size() * 256);
    for (LogMessage m : batch) body.append(envelope(m).encode());
    byte[] data = body.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder req = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Splunk " + token)
        .header("Content-Type", "application/json");
    if ("true".equals(opts.get("splunk-gzip")) || "1".equals(opts.get("splunk-gzip"))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4);
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(data);
      }
      data = out.toByteArray();
      req.header("Content-Encoding", "gzip");
    }
    HttpResponse<String> r;
    try {
      r = client.send(req.POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (r.statusCode() != 200) {
      throw new IOException("splunk: failed to send event - " + GoErrors.status(r.statusCode()) + " - " + r.body());
    }
  }

  JsonObject envelope(LogMessage m) {
    JsonObject e = new JsonObject();
    String format = opts.getOrDefault("splunk-format", "inline");
    switch (format) {
      case "raw" -> {
        StringBuilder prefix = new StringBuilder();
        if (!tag.isEmpty()) prefix.append(tag).append(' ');
        attrs.forEach((k, v) -> prefix.append(k).append('=').append(v).append(' '));
        e.put("event", prefix + m.text());
      }
      case "json" -> {
        JsonObject event = inline(m);
        try {
          event.put("line", new JsonObject(m.text()));
        } catch (RuntimeException notJson) {
          // Docker keeps a line that is not JSON as a string
        }
        e.put("event", event);
      }
      default -> e.put("event", inline(m));
    }
    e.put("time", String.format(java.util.Locale.ROOT, "%.6f", m.timeNanos() / 1e9));
    e.put("host", host);
    if (opts.containsKey("splunk-source")) e.put("source", opts.get("splunk-source"));
    if (opts.containsKey("splunk-sourcetype")) e.put("sourcetype", opts.get("splunk-sourcetype"));
    if (opts.containsKey("splunk-index")) e.put("index", opts.get("splunk-index"));
    return e;
  }

  private JsonObject inline(LogMessage m) {
    JsonObject event = new JsonObject().put("line", m.text()).put("source", m.stream().wire());
    if (!tag.isEmpty()) event.put("tag", tag);
    if (!attrs.isEmpty()) event.put("attrs", new JsonObject(Map.copyOf(attrs)));
    return event;
  }

  /**
   * Docker's {@code splunk-verify-connection} check at container start: {@code OPTIONS} on the event endpoint must
   * answer 200, else the container is refused with {@code splunk: failed to verify connection - <status> - <body>}
   * (or Go's transport error when there is no answer).
   */
  public void verifyConnection() {
    HttpResponse<String> r;
    try {
      r = client.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new BerthException.InvalidRequest("Options \"" + endpoint + "\": " + GoErrors.describe(endpoint, e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BerthException.InvalidRequest("Options \"" + endpoint + "\": interrupted", e);
    }
    if (r.statusCode() != 200) {
      String body = r.body() == null ? "" : r.body();
      if (body.length() > 1024) body = body.substring(0, 1024);
      throw new BerthException.InvalidRequest("splunk: failed to verify connection - " + GoErrors.status(r.statusCode())
          + " - " + body);
    }
  }

  @Override public void reset() { }
  @Override public void close() { }
}
