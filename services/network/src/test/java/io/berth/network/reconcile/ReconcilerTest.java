package io.berth.network.reconcile;

import static io.berth.network.fakes.NetworkFixture.await;
import static io.berth.network.fakes.NetworkFixture.container;
import static io.berth.network.fakes.NetworkFixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.berth.network.domain.Sandbox;
import io.berth.network.fakes.NetworkFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each driver restores its own networks and endpoints; what berth made and nothing owns goes. */
class ReconcilerTest {
  final NetworkFixture fx = new NetworkFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  Reconciler reconciler() {
    return new Reconciler(fx.state, fx.ipam, fx.ports, fx.drivers, fx.firewall, fx.host, fx.sandboxHost, fx.hostOps,
        fx.events);
  }

  @Test
  void whatIsMissingIsMadeAgainAndWhatNobodyOwnsGoes() {
    Network n = fx.network("web", "10.60.0.0/24");
    Sandbox s = await(fx.setup.create(container(1, "web", "8080")));
    Endpoint e = fx.state.endpoint(s.endpoints().get(0));
    // the host lost the bridge and the veth (a reboot), and has a veth and a namespace berth made and forgot
    fx.sandboxHost.leave(e.hostIf());
    fx.host.deleteLink(n.device());
    fx.firewall.nets.clear();
    fx.firewall.ports.clear();
    fx.host.links.add("vb0123456789ab");
    fx.sandboxHost.create(id(9));

    Reconciler.Report r = await(reconciler().run());
    assertEquals(List.of("link vb0123456789ab", "netns " + id(9)), r.removed());
    assertTrue(r.recreated().containsAll(List.of("bridge " + n.device(), "link " + e.hostIf())), r.recreated().toString());
    assertTrue(fx.host.linkExists(n.device()));
    assertEquals("10.60.0.1", fx.sandboxHost.joined.get(e.hostIf()).gateway4(), "the gateway endpoint's route");
    assertTrue(fx.firewall.nets.containsKey(n.id()));
    assertEquals(8080, fx.firewall.ports.get(id(1)).get(0).hostPort());
    assertFalse(fx.sandboxHost.exists(id(9)));
    assertTrue(fx.bus.publishedTypes().contains("io.berth.network.host.reconciled"));
  }
}
