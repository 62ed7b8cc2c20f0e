/**
 * berth's Docker Engine API gateway, what dockerd's API server is to Docker: {@link io.berth.gateway.GatewayService}
 * listens on the node's {@code hosts} and routes each request ({@code DockerApi}: the version prefix, the system
 * endpoints, then the owning service of the path). Its parts: {@code api} ({@code /_ping}, {@code /version},
 * {@code /info}, API version negotiation), {@code containers} ({@code /containers/json} and
 * {@code /containers/{id}/json} from the container events), {@code routing} (which service owns which Docker path,
 * and the proxy to it), {@code listeners} ({@code -H} unix sockets and TCP with {@code --tls}/{@code --tlsverify}).
 */
package io.berth.gateway;
