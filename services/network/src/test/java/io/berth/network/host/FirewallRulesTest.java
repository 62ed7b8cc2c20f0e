package io.berth.network.host;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.berth.testing.Golden;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code inet berth} table compared with golden files in {@code src/test/resources/golden/}. After an
 * intended change, run with {@code -Dberth.golden.update=true} and review the diff.
 */
class FirewallRulesTest {
  static final FirewallModel.Net LOCALNET = new FirewallModel.Net("br-0a1b2c3d4e5f", "172.18.0.0/16", null, false,
      true, true);
  static final FirewallModel.Net INTERNAL = new FirewallModel.Net("br-111111111111", "172.19.0.0/16", null, true,
      true, true);
  static final FirewallModel.Net NO_ICC_V6 = new FirewallModel.Net("br-222222222222", "172.20.0.0/16",
      "fd42::/64", false, false, false);

  @Test
  void emptyNode() throws IOException {
    Golden.assertMatches("empty.nft", FirewallRules.build(new FirewallModel.Snapshot(List.of(), List.of())).render());
  }

  @Test
  void networksWithIsolationInternalAndIcc() throws IOException {
    Golden.assertMatches("networks.nft", FirewallRules.build(new FirewallModel.Snapshot(
        List.of(LOCALNET, INTERNAL, NO_ICC_V6), List.of())).render());
  }

  @Test
  void publishedPorts() throws IOException {
    Golden.assertMatches("ports.nft", FirewallRules.build(new FirewallModel.Snapshot(List.of(LOCALNET), List.of(
        new FirewallModel.Port("tcp", "0.0.0.0", 5000, "172.18.0.2", 80),
        new FirewallModel.Port("udp", "127.0.0.1", 5353, "172.18.0.3", 53),
        new FirewallModel.Port("tcp", "::", 8080, "fd42::2", 80)))).render());
  }

  @Test
  void onlyBerthsTableIsReplaced() {
    String text = FirewallRules.build(new FirewallModel.Snapshot(List.of(LOCALNET), List.of())).render();
    for (String line : text.split("\n")) {
      if (line.startsWith("add table") || line.startsWith("delete table") || line.startsWith("table")) {
        assertFalse(!line.contains("inet berth"), line);
      }
    }
  }
}
