package io.berth.gateway.routing;

import io.berth.kit.errors.BerthException;
import io.berth.kit.errors.ErrorReplies;
import io.berth.kit.node.ServiceEndpoints;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.function.Consumer;

/**
 * Forwards a Docker API request to the service that owns it on this node, streaming both bodies (a log follow or a
 * large upload never sits in the gateway's memory). The path the service sees has no {@code /v1.NN} prefix.
 */
public final class ServiceProxy {
  private final HttpClient client;
  private final ServiceEndpoints endpoints;
  private final String node;

  public ServiceProxy(HttpClient client, ServiceEndpoints endpoints, String node) {
    this.client = client;
    this.endpoints = endpoints;
    this.node = node;
  }

  /**
   * Proxies {@code request} to {@code service}. {@code decorate} adds the gateway's headers to the reply.
   * An unregistered or unreachable service is a 503 naming it.
   */
  public void forward(HttpServerRequest request, String service, String uri, Consumer<ProxyResponse> decorate) {
    ProxyRequest proxied = ProxyRequest.reverseProxy(request);
    proxied.setURI(uri);
    lookup(service)
        .compose(address -> client.request(new RequestOptions()
            .setServer(address)
            .setHost(address.host()).setPort(address.port())
            .setMethod(request.method())
            .setURI(uri)))
        .compose(proxied::send)
        .compose(response -> {
          decorate.accept(response);
          return response.send();
        })
        .onFailure(err -> {
          proxied.release();
          int status = err instanceof BerthException be ? be.status() : 503;
          String message = err instanceof BerthException ? err.getMessage()
              : "the " + service + " service of node " + node + " cannot be reached: " + err.getMessage();
          ErrorReplies.send(request.response(), status, message);
        });
  }

  /**
   * Reads a JSON document from {@code service} on this node: the document on 200, null on 404; other statuses and
   * an unreachable service fail.
   */
  public Future<io.vertx.core.json.JsonObject> getJson(String service, String uri) {
    return lookup(service)
        .compose(address -> client.request(new RequestOptions().setServer(address)
            .setHost(address.host()).setPort(address.port()).setMethod(io.vertx.core.http.HttpMethod.GET).setURI(uri)))
        .compose(req -> req.send())
        .compose(resp -> resp.body().compose(body -> {
          if (resp.statusCode() == 200) return Future.succeededFuture(body.toJsonObject());
          if (resp.statusCode() == 404) return Future.succeededFuture(null);
          return Future.failedFuture(new BerthException.Internal(service + " answered " + resp.statusCode() + ": " + body));
        }));
  }

  private Future<SocketAddress> lookup(String service) {
    // Complete on the request's context: the trace of the request lives there, and the client span must be its child.
    return Future.fromCompletionStage(endpoints.lookupAsync(node, service), Vertx.currentContext())
        .compose(hostPort -> {
          if (hostPort == null) {
            return Future.failedFuture(new BerthException.Unavailable(
                "the " + service + " service is not running on node " + node));
          }
          int colon = hostPort.lastIndexOf(':');
          return Future.succeededFuture(SocketAddress.inetSocketAddress(
              Integer.parseInt(hostPort.substring(colon + 1)), hostPort.substring(0, colon)));
        });
  }
}
