package io.berth.network.networks;

import static io.berth.network.fakes.NetworkFixture.await;
import static io.berth.network.fakes.NetworkFixture.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Network;
import io.berth.network.domain.NetworkFilters;
import io.berth.network.driver.bridge.BridgeDriver;
import io.berth.network.fakes.NetworkFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetworkControllerTest {
  final NetworkFixture fx = new NetworkFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  static BerthException failure(Runnable r) {
    return assertThrows(BerthException.class, r::run);
  }

  @Test
  void thePredefinedNetworksExistOnceAndCannotBeRemoved() {
    Network bridge = fx.networks.defaultBridge();
    assertEquals(BridgeDriver.DEFAULT_BRIDGE_DEVICE, bridge.device());
    assertEquals("172.17.0.0/16", bridge.ipv4Pool().subnet());
    assertTrue(fx.host.linkExists(BridgeDriver.DEFAULT_BRIDGE_DEVICE));
    await(fx.networks.ensurePredefined(java.util.Optional.empty(), java.util.Optional.empty()));
    assertEquals(3, fx.networks.list(n -> true).size());
    BerthException e = failure(() -> await(fx.networks.remove("host")));
    assertEquals(403, e.status());
    assertEquals("host is a pre-defined network and cannot be removed", e.getMessage());
  }

  @Test
  void aNetworkAvoidsSubnetsInUseAndIsAnnounced() {
    fx.host.prefixes.add("172.18.0.0/16");
    Network n = fx.network("web");
    assertEquals("172.19.0.0/16", n.ipv4Pool().subnet(), "172.18/16 is routed on the node");
    assertTrue(fx.host.linkExists(n.device()));
    assertEquals(List.of("io.berth.network.network.created"), fx.bus.publishedTypes());
    assertEquals(409, failure(() -> fx.network("web")).status());
  }

  @Test
  void lookupFollowsDocker() {
    Network n = fx.network("web", "10.40.0.0/24");
    assertEquals(n, fx.networks.resolve("web"));
    assertEquals(n, fx.networks.resolve(n.id()));
    assertEquals(n, fx.networks.resolve(n.id().substring(0, 12)));
    assertEquals("network nosuch not found", failure(() -> fx.networks.resolve("nosuch")).getMessage());
    assertEquals(fx.networks.defaultBridge(), fx.networks.forContainer("default"));
  }

  @Test
  void aNetworkInUseIsNotRemovedNorPruned() {
    Network used = fx.network("used", "10.41.0.0/24");
    Network idle = fx.network("idle", "10.42.0.0/24");
    await(fx.setup.create(container(1, "used", null)));
    BerthException e = failure(() -> await(fx.networks.remove("used")));
    assertEquals(409, e.status());
    assertEquals("error while removing network: network used id " + used.id() + " has active endpoints",
        e.getMessage());
    assertEquals(List.of("idle"), await(fx.networks.prune(NetworkFilters.parse(null))));
    assertFalse(fx.host.linkExists(idle.device()));
    assertTrue(fx.host.linkExists(used.device()));
  }
}
