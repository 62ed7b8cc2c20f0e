package io.berth.network.sandbox;

import io.berth.kit.tracing.HostOps;
import io.berth.network.domain.Endpoint;
import io.berth.network.host.HostNetwork;
import io.berth.network.state.NetworkState;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removing a sandbox deletes its namespace rather than each veth (about 1 ms instead of 20: the kernel destroys the
 * pairs asynchronously). A namespace still held by a process outlives its file, and then so do its veths; shortly
 * after removals this sweep deletes every {@code vb*} link no endpoint owns. Bursts share one sweep.
 */
public final class LinkSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(LinkSweeper.class);
  private static final long DELAY_MS = 1500;

  private final Vertx vertx;
  private final HostOps hostOps;
  private final HostNetwork host;
  private final NetworkState state;
  private final InFlightLinks inFlight;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile long timer = -1;

  /**
   * @param inFlight host interfaces of endpoints being set up (made before their endpoint is stored); a link is in
   *                 this set or in the state from its creation until its removal
   */
  public LinkSweeper(Vertx vertx, HostOps hostOps, HostNetwork host, NetworkState state, InFlightLinks inFlight) {
    this.vertx = vertx;
    this.hostOps = hostOps;
    this.host = host;
    this.state = state;
    this.inFlight = inFlight;
  }

  public void schedule() {
    if (!stopped && scheduled.compareAndSet(false, true)) {
      timer = vertx.setTimer(DELAY_MS, id -> {
        scheduled.set(false);
        if (!stopped) {
          sweep();
        }
      });
    }
  }

  /** No sweep after this: the service is stopping and its netlink socket about to close. */
  public void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  private void sweep() {
    hostOps.run("sweep veths", () -> {
      int n = 0;
      List<String> links = host.linkNames();
      // Owners are read after the listing: a link listed was made before, so it is in flight or stored by now.
      Set<String> owned = state.endpoints().stream().map(Endpoint::hostIf).filter(Objects::nonNull)
          .collect(Collectors.toSet());
      owned.addAll(inFlight.snapshot());
      for (String l : links) {
        if (l.startsWith("vb") && HostNetwork.isBerthLink(l) && !owned.contains(l)) {
          host.deleteLink(l);
          n++;
        }
      }
      return n;
    }).onSuccess(n -> {
      if (n > 0) {
        LOG.info("removed {} veth(s) left by sandboxes whose namespace was still held", n);
      }
    }).onFailure(e -> LOG.warn("veth sweep failed: {}", e.getMessage()));
  }
}
