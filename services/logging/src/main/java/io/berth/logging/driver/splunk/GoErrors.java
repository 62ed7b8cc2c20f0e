package io.berth.logging.driver.splunk;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import javax.net.ssl.SSLException;

/** Go's {@code net/http} wording for what Docker's splunk driver reports: status lines and transport errors. */
final class GoErrors {
  private static final Map<Integer, String> TEXT = Map.ofEntries(
      Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
      Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"), Map.entry(413, "Request Entity Too Large"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private GoErrors() {}

  /** {@code resp.Status}, e.g. {@code 503 Service Unavailable}. */
  static String status(int code) {
    String text = TEXT.get(code);
    return text == null ? Integer.toString(code) : code + " " + text;
  }

  /** The part of Go's {@code *url.Error} after the URL. */
  static String describe(URI target, Exception e) {
    String hostPort = target.getHost() + ":" + (target.getPort() > 0 ? target.getPort()
        : "https".equals(target.getScheme()) ? 443 : 80);
    Throwable c = e;
    while (c.getCause() != null && !(c instanceof ConnectException) && !(c instanceof SSLException)) c = c.getCause();
    if (e instanceof HttpConnectTimeoutException || c instanceof HttpConnectTimeoutException) {
      return "dial tcp " + hostPort + ": i/o timeout";
    }
    if (c instanceof ConnectException) return "dial tcp " + hostPort + ": connect: connection refused";
    if (c instanceof SSLException) {
      String m = String.valueOf(c.getMessage());
      int x509 = m.indexOf("x509:");
      return x509 >= 0 ? "tls: failed to verify certificate: " + m.substring(x509) : "tls: " + m;
    }
    if (e instanceof HttpTimeoutException) {
      return "context deadline exceeded (Client.Timeout exceeded while awaiting headers)";
    }
    return String.valueOf(c.getMessage());
  }
}
