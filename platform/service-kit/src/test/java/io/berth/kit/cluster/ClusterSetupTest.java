package io.berth.kit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.berth.kit.config.DaemonConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ClusterSetupTest {
  @Test
  void tcpJoinOnConfiguredMembersWithoutJoinWaits() {
    DaemonConfig config = DaemonConfig.of(new JsonObject().put("node-name", "n1")
        .put("cluster", new JsonObject().put("port", 5801).put("members", new JsonArray().add("10.0.0.2:5701")).put("name", "c1")));
    Config c = ClusterSetup.hazelcastConfig(config);
    JoinConfig join = c.getNetworkConfig().getJoin();
    assertFalse(join.getMulticastConfig().isEnabled());
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertTrue(join.getTcpIpConfig().getMembers().contains("10.0.0.2:5701"));
    assertTrue(join.getTcpIpConfig().getMembers().contains("127.0.0.1:5801"));
    assertEquals(5801, c.getNetworkConfig().getPort());
    assertEquals("c1", c.getClusterName());
    assertEquals("0", c.getProperty("hazelcast.wait.seconds.before.join"));
    assertEquals("false", c.getProperty("hazelcast.phone.home.enabled"));
  }

  @Test
  void kubernetesDiscoveryIsSelectable() {
    DaemonConfig config = DaemonConfig.of(new JsonObject().put("cluster", new JsonObject().put("discovery", "kubernetes")
        .put("kubernetes", new JsonObject().put("namespace", "berth").put("service-name", "berth-cluster"))));
    JoinConfig join = ClusterSetup.hazelcastConfig(config).getNetworkConfig().getJoin();
    assertTrue(join.getKubernetesConfig().isEnabled());
    assertEquals("berth-cluster", join.getKubernetesConfig().getProperty("service-name"));
    assertFalse(join.getTcpIpConfig().isEnabled());
  }
}
