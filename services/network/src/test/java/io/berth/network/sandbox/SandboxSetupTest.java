package io.berth.network.sandbox;

import static io.berth.network.fakes.NetworkFixture.await;
import static io.berth.network.fakes.NetworkFixture.container;
import static io.berth.network.fakes.NetworkFixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.berth.network.domain.Sandbox;
import io.berth.network.fakes.NetworkFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxSetupTest {
  final NetworkFixture fx = new NetworkFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void aSandboxIsANamespaceAVethPerNetworkPortsStoredAndAnnounced() {
    Network n = fx.network("web", "10.20.0.0/24");
    fx.bus.clear();
    Sandbox s = await(fx.setup.create(container(1, "web", "8080")));
    assertTrue(fx.sandboxHost.exists(id(1)));
    assertTrue(s.berthCreated());
    assertEquals("bridge", s.mode());
    Endpoint e = fx.state.endpoint(s.endpoints().get(0));
    assertEquals("10.20.0.2/24", e.ipv4());
    var veth = fx.sandboxHost.joined.get(e.hostIf());
    assertEquals(n.device(), veth.bridge());
    assertEquals("10.20.0.1", veth.gateway4(), "the only endpoint carries the default route");
    assertEquals(1, s.published().size());
    assertEquals(8080, fx.firewall.ports.get(id(1)).get(0).hostPort());
    assertEquals("10.20.0.2", fx.firewall.ports.get(id(1)).get(0).containerIp());
    assertEquals(List.of("io.berth.network.endpoint.joined", "io.berth.network.sandbox.ready",
        "io.berth.network.ports.published"), fx.bus.publishedTypes());
    assertSame(s, await(fx.setup.create(container(1, "web", "8080"))), "a replayed event changes nothing");
  }

  @Test
  void removingASandboxLeavesNothing() {
    Network n = fx.network("web", "10.20.0.0/24");
    Sandbox s = await(fx.setup.create(container(1, "web", "8080")));
    String hostIf = fx.state.endpoint(s.endpoints().get(0)).hostIf();
    fx.bus.clear();
    await(fx.setup.remove(id(1)));
    assertFalse(fx.sandboxHost.exists(id(1)));
    assertFalse(fx.host.linkExists(hostIf), "the veth went with the namespace");
    assertTrue(fx.firewall.ports.isEmpty());
    assertNull(fx.state.sandbox(id(1)));
    assertTrue(fx.state.endpoints().isEmpty());
    assertEquals(List.of("io.berth.network.endpoint.left", "io.berth.network.ports.unpublished",
        "io.berth.network.sandbox.removed"), fx.bus.publishedTypes());
    // the address and the port are free again
    assertEquals("10.20.0.2/24", await(fx.ipam.allocate(n, true, "10.20.0.2")));
    await(fx.setup.create(container(2, "web", "8080")));
    await(fx.setup.remove(id(9)));
  }

  @Test
  void aPortAlreadyAllocatedIsDockersErrorAndKeepsNothing() {
    Network n = fx.network("web", "10.20.0.0/24");
    await(fx.setup.create(container(1, "web", "5000")));
    fx.bus.clear();
    BerthException e = assertThrows(BerthException.class, () -> await(fx.setup.create(container(2, "web", "5000"))));
    // dockerd: libnetwork's programExternalConnectivity wraps the port allocator's error as an internal error
    assertEquals(500, e.status());
    assertTrue(e.getMessage().matches("driver failed programming external connectivity on endpoint c2 "
        + "\\([0-9a-f]{64}\\): Bind for 0.0.0.0:5000 failed: port is already allocated"), e.getMessage());
    assertSame(e, fx.failures.get(id(2)), "kept for GET /sandboxes");
    assertFalse(fx.sandboxHost.exists(id(2)), "no namespace left");
    assertEquals(1, fx.state.endpoints().size(), "no endpoint left");
    assertEquals(List.of("io.berth.network.sandbox.failed"), fx.bus.publishedTypes(), "only the failure announced");
    // its address was given back
    assertEquals("10.20.0.3/24", await(fx.ipam.allocate(n, true, "10.20.0.3")));
  }

  @Test
  void aHostFailureUndoesEverythingAndIsRecorded() {
    fx.network("web", "10.20.0.0/24");
    fx.sandboxHost.failJoin = "ip link add: no buffer space";
    BerthException e = assertThrows(BerthException.class, () -> await(fx.setup.create(container(1, "web", "80"))));
    assertEquals(500, e.status());
    assertTrue(e.getMessage().contains("no buffer space"), e.getMessage());
    assertFalse(fx.sandboxHost.exists(id(1)));
    assertTrue(fx.state.sandboxes().isEmpty());
    assertSame(e, fx.failures.get(id(1)));
    fx.sandboxHost.failJoin = null;
    await(fx.setup.create(container(1, "web", "80")));
    assertNull(fx.failures.get(id(1)), "a success clears the failure");
  }

  @Test
  void aMissingNetworkIsDockersNotFound() {
    BerthException e = assertThrows(BerthException.class, () -> await(fx.setup.create(container(1, "nosuch",
        null))));
    assertEquals(404, e.status());
    assertEquals("network nosuch not found", e.getMessage());
    assertSame(e, fx.failures.get(id(1)));
  }

  @Test
  void hostAndNoneHaveNoInterfaces() {
    Sandbox host = await(fx.setup.create(container(1, "host", null)));
    assertEquals("host", host.mode());
    assertEquals("/proc/1/ns/net", host.key());
    assertFalse(host.berthCreated());
    Sandbox none = await(fx.setup.create(container(2, "none", null)));
    assertEquals("none", none.mode());
    assertTrue(fx.sandboxHost.exists(id(2)), "none has a namespace of its own");
    assertTrue(fx.sandboxHost.joined.isEmpty());
  }

  @Test
  void aSharingContainerUsesTheOwnersNamespaceUntilTheLastGoes() {
    fx.network("web", "10.20.0.0/24");
    Sandbox owner = await(fx.setup.create(container(1, "web", null)));
    Sandbox sharer = await(fx.setup.create(container(2, "container:c1", null)));
    assertEquals(owner.key(), sharer.key());
    assertEquals("container:" + id(1), sharer.mode());
    await(fx.setup.remove(id(1)));
    assertTrue(fx.sandboxHost.exists(id(1)), "kept for c2");
    assertTrue(fx.state.sandbox(id(1)).retired());
    assertThrows(BerthException.NotFound.class, () -> fx.lookup.find("c1"));
    await(fx.setup.remove(id(2)));
    assertFalse(fx.sandboxHost.exists(id(1)));
    assertTrue(fx.state.sandboxes().isEmpty());
  }
}
