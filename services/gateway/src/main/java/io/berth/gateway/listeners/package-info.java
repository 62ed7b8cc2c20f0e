/**
 * Where the Docker API listens (dockerd's {@code -H}/{@code hosts}): {@link io.berth.gateway.listeners.ApiListeners}
 * binds unix sockets and TCP addresses; {@link io.berth.gateway.listeners.TlsServerOptions} gives TCP listeners
 * dockerd's TLS ({@code --tls}, {@code --tlsverify}: mutual TLS with client certificates signed by the CA).
 */
package io.berth.gateway.listeners;
