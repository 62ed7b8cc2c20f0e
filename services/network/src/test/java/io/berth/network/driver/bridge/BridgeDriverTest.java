package io.berth.network.driver.bridge;

import static io.berth.network.fakes.NetworkFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.Network;
import io.berth.network.fakes.NetworkFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BridgeDriverTest {
  final NetworkFixture fx = new NetworkFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  Network network() {
    Network n = new Network("ab".repeat(32), "net", "bridge", "local", NetworkFixture.NODE, "2026-12-02T00:00:00Z",
        true, false, "default", List.of(new IpamConfig("10.9.0.0/24", null, "10.9.0.1", Map.of())), Map.of(), false,
        false, false, Map.of(), Map.of(), null, false);
    return fx.bridge.validate(n);
  }

  @Test
  void aNetworkIsABridgeWithItsGatewayAndAPolicy() {
    Network n = network();
    await(fx.bridge.createNetwork(n));
    assertEquals(List.of("10.9.0.1/24"), fx.host.bridges.get("br-abababababab"));
    assertEquals("10.9.0.0/24", fx.firewall.nets.get(n.id()).subnet4());
    await(fx.bridge.deleteNetwork(n));
    assertFalse(fx.host.linkExists("br-abababababab"));
    assertFalse(fx.firewall.nets.containsKey(n.id()));
  }

  @Test
  void aFirewallFailureUndoesTheBridgeAndReportsEveryError() {
    Network n = network();
    fx.firewall.failPutNetwork = "nft apply: boom";
    fx.firewall.failRemoveNetwork = "nft apply: still broken";
    RuntimeException e = assertThrows(RuntimeException.class, () -> await(fx.bridge.createNetwork(n)));
    assertFalse(fx.host.linkExists("br-abababababab"), "the bridge is undone");
    assertTrue(e.getMessage().contains("firewall: nft apply: boom"), e.getMessage());
    assertTrue(e.getMessage().contains("undo firewall: nft apply: still broken"),
        "the failed undo of the policy is reported: " + e.getMessage());
  }
}
