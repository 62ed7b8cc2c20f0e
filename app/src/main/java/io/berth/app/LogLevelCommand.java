package io.berth.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * {@code berth log-level [LEVEL] [-H HOST] [--tls|--tlsverify --tlscacert F --tlscert F --tlskey F]}: prints or changes
 * a running node's log level through its API (a unix socket, or TCP with the docker CLI's TLS flags and variables).
 */
final class LogLevelCommand {
  private LogLevelCommand() {}

  static int run(List<String> args) throws Exception {
    CliArgs cli = CliArgs.parse(args, Set.of("-H", "--host", "--tlscacert", "--tlscert", "--tlskey"),
        Set.of("--tls", "--tlsverify"));
    String host = cli.options.getOrDefault("-H", cli.options.getOrDefault("--host",
        System.getenv().getOrDefault("DOCKER_HOST", "unix:///run/berth/docker.sock")));
    URI uri = URI.create(host);
    SocketAddress address = "unix".equals(uri.getScheme())
        ? SocketAddress.domainSocketAddress(uri.getPath())
        : SocketAddress.inetSocketAddress(uri.getPort(), uri.getHost());
    boolean tcp = !"unix".equals(uri.getScheme());
    String level = cli.positional.isEmpty() ? null : cli.positional.get(0);
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    try {
      RequestOptions req = new RequestOptions().setServer(address).setHost(tcp ? uri.getHost() : "localhost")
          .setMethod(level == null ? HttpMethod.GET : HttpMethod.PUT)
          .setURI("/berth/log-level" + (level == null ? "" : "?level=" + level));
      // Held in a local: Vert.x closes a client that becomes unreachable, even mid-request.
      HttpClient client = vertx.createHttpClient(tcp ? ClientTls.options(cli, System.getenv()) : new HttpClientOptions());
      Buffer body = client.request(req)
          .compose(r -> r.send().compose(resp -> check(resp)))
          .toCompletionStage().toCompletableFuture().get();
      client.close();
      System.out.println(body.toJsonObject().getString("level"));
      return 0;
    } catch (java.util.concurrent.ExecutionException e) {
      System.err.println("berth log-level: " + e.getCause().getMessage());
      return 1;
    } finally {
      vertx.close();
    }
  }

  private static io.vertx.core.Future<Buffer> check(HttpClientResponse resp) {
    return resp.body().compose(b -> resp.statusCode() == 200
        ? io.vertx.core.Future.succeededFuture(b)
        : io.vertx.core.Future.failedFuture(b.toJsonObject().getString("message")));
  }
}
