package io.berth.gateway.listeners;

import io.berth.kit.config.ApiHost;
import io.berth.kit.config.ApiTls;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker API's listeners, one per {@code hosts} entry: unix sockets (plain, guarded by file permissions) and TCP
 * addresses (with the node's TLS). Socket files are removed when the listeners close.
 */
public final class ApiListeners {
  private static final Logger LOG = LoggerFactory.getLogger(ApiListeners.class);
  private final Vertx vertx;
  private final ApiTls tls;
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<Path> sockets = new ArrayList<>();

  public ApiListeners(Vertx vertx, ApiTls tls) {
    this.vertx = vertx;
    this.tls = tls;
  }

  /** Listens on every host; fails, naming the host, when one cannot be bound. */
  public Future<Void> listen(List<ApiHost> hosts, Handler<HttpServerRequest> api) {
    List<Future<HttpServer>> listening = new ArrayList<>();
    for (ApiHost host : hosts) {
      listening.add(listen(host, api));
    }
    return Future.all(listening).mapEmpty();
  }

  /** The port a TCP host was bound to (the one asked for, or the one the kernel chose for port 0). */
  public List<Integer> tcpPorts() {
    return servers.stream().map(HttpServer::actualPort).filter(p -> p > 0).toList();
  }

  private Future<HttpServer> listen(ApiHost host, Handler<HttpServerRequest> api) {
    SocketAddress address;
    HttpServerOptions options;
    if (host.isUnix()) {
      Path socket = host.socket();
      try {
        Files.createDirectories(socket.getParent());
        // A socket file left by a killed node would make bind fail; nothing else may own this path.
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
      sockets.add(socket);
      address = SocketAddress.domainSocketAddress(socket.toString());
      options = new HttpServerOptions();
    } else {
      if (!tls.verify()) {
        // dockerd's warnings, for a listener that lets anyone who reaches it in.
        LOG.warn("Binding to IP address without --tlsverify is insecure and gives root access on this machine to "
            + "everyone who has access to your network (host {})", host);
        LOG.warn("Binding to an IP address, even on localhost, can also give access to scripts run in a browser. "
            + "Be safe out there! (host {})", host);
      }
      address = SocketAddress.inetSocketAddress(host.port(), host.host());
      options = TlsServerOptions.forTcp(tls);
    }
    return vertx.createHttpServer(options)
        .requestHandler(api)
        .listen(address)
        .recover(e -> Future.failedFuture(new IOException("cannot listen on " + host
            + (host.isTcp() ? " (" + tls.mode() + ")" : "") + ": " + e.getMessage(), e)))
        .onSuccess(server -> {
          servers.add(server);
          LOG.info("Docker API listening on {}{}", host, host.isTcp() ? " (" + tls.mode() + ")" : "");
        });
  }

  /** Closes every listener and removes the socket files. */
  public Future<Void> close() {
    List<Future<Void>> closing = servers.stream().map(HttpServer::close).toList();
    return Future.join(closing).eventually(() -> {
      for (Path socket : sockets) {
        try {
          Files.deleteIfExists(socket);
        } catch (IOException e) {
          LOG.warn("could not remove {}: {}", socket, e.getMessage());
        }
      }
      return Future.succeededFuture();
    }).mapEmpty();
  }
}
