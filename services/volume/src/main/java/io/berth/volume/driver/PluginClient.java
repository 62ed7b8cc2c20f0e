package io.berth.volume.driver;

import io.berth.kit.errors.BerthException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

/**
 * The transport of Docker's plugin protocol: JSON {@code POST}s to a plugin's unix socket (or TCP address), with the
 * plugin API's media type.
 */
final class PluginClient {
  static final String MEDIA_TYPE = "application/vnd.docker.plugins.v1+json";
  private static final long TIMEOUT_MS = 30_000;

  private final HttpClient http;
  private final SocketAddress address;

  PluginClient(HttpClient http, SocketAddress address) {
    this.http = http;
    this.address = address;
  }

  SocketAddress address() {
    return address;
  }

  /** Calls {@code /<method>} and fails with the plugin's {@code Err} when it sets one. */
  Future<JsonObject> call(String method, JsonObject body) {
    RequestOptions options = new RequestOptions()
        .setServer(address)
        .setHost("plugin")
        .setMethod(HttpMethod.POST)
        .setURI("/" + method)
        .setTimeout(TIMEOUT_MS)
        .putHeader("Accept", MEDIA_TYPE)
        .putHeader("Content-Type", MEDIA_TYPE);
    return http.request(options)
        .compose(req -> req.send(Buffer.buffer(body.encode())))
        .compose(resp -> resp.body().map(b -> {
          JsonObject reply = b.length() == 0 ? new JsonObject() : new JsonObject(b);
          String err = reply.getString("Err", "");
          if (!err.isEmpty()) {
            throw new BerthException.Internal(method + ": " + err);
          }
          if (resp.statusCode() / 100 != 2) {
            throw new BerthException.Internal(method + ": plugin answered " + resp.statusCode());
          }
          return reply;
        }))
        .recover(e -> Future.failedFuture(e instanceof BerthException ? e
            : new BerthException.Internal(method + ": " + e.getMessage(), e)));
  }
}
