package io.berth.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.config.DaemonConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SystemApiTest {
  private static DaemonConfig hosts(JsonObject extra, String... hosts) {
    JsonArray h = new JsonArray();
    for (String host : hosts) h.add(host);
    return DaemonConfig.of(extra.copy().put("hosts", h));
  }

  @Test
  void infoWarnsOfPlainTcpListenersAsDockerd() {
    JsonArray w = SystemApi.apiWarnings(hosts(new JsonObject(), "unix:///tmp/x.sock", "tcp://127.0.0.1:2375", "tcp://[::1]"));
    assertEquals(2, w.size(), w.encode());
    assertTrue(w.getString(0).startsWith("API is accessible on http://127.0.0.1:2375 without encryption."), w.getString(0));
    assertTrue(w.getString(0).contains("equivalent to root access on the host"), w.getString(0));
    assertTrue(w.getString(1).startsWith("API is accessible on http://[::1]:2375 without encryption."), w.getString(1));
  }

  @Test
  void noWarningForUnixSockets() {
    assertEquals(0, SystemApi.apiWarnings(hosts(new JsonObject(), "unix:///tmp/x.sock")).size());
  }

  @Test
  void infoWarnsOfTlsWithoutClientVerificationButNotOfMutualTls() throws Exception {
    String cert = java.nio.file.Path.of(getClass().getResource("/tls/server-cert.pem").toURI()).toString();
    String key = java.nio.file.Path.of(getClass().getResource("/tls/server-key.pem").toURI()).toString();
    String ca = java.nio.file.Path.of(getClass().getResource("/tls/ca.pem").toURI()).toString();
    JsonObject tls = new JsonObject().put("tlscert", cert).put("tlskey", key).put("tlscacert", ca);
    JsonArray serverOnly = SystemApi.apiWarnings(hosts(tls.copy().put("tlsverify", false), "tcp://0.0.0.0:2376"));
    assertEquals(1, serverOnly.size());
    assertTrue(serverOnly.getString(0).startsWith("API is accessible on https://0.0.0.0:2376 without TLS client "
        + "verification."), serverOnly.getString(0));
    assertEquals(0, SystemApi.apiWarnings(hosts(tls.copy().put("tlsverify", true), "tcp://0.0.0.0:2376")).size());
  }
}
