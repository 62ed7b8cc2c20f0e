package io.berth.kit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.berth.kit.config.DaemonConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
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

  private static MapConfig objects(String name) {
    return new MapConfig(name).setInMemoryFormat(InMemoryFormat.OBJECT);
  }

  @Test
  void declaredMapSettingsArePartOfTheConfiguration() {
    Config c = ClusterSetup.hazelcastConfig(DaemonConfig.of(new JsonObject()),
        List.of(objects("berth.test.pools"), objects("berth.test.ports"), objects("berth.test.pools")));
    assertEquals(InMemoryFormat.OBJECT, c.getMapConfig("berth.test.pools").getInMemoryFormat());
    assertEquals(InMemoryFormat.OBJECT, c.getMapConfig("berth.test.ports").getInMemoryFormat());
    assertEquals(InMemoryFormat.BINARY, c.getMapConfig("berth.test.other").getInMemoryFormat(), "others keep the default");
    assertTrue(c.getMapConfigs().keySet().stream().anyMatch(n -> n.startsWith("__vertx")), "Vert.x's own maps stay");
  }

  @Test
  void kubernetesDiscoveryKeepsTheMapSettings() {
    Config c = ClusterSetup.hazelcastConfig(DaemonConfig.of(new JsonObject()
        .put("cluster", new JsonObject().put("discovery", "kubernetes"))), List.of(objects("berth.test.pools")));
    assertEquals(InMemoryFormat.OBJECT, c.getMapConfig("berth.test.pools").getInMemoryFormat());
  }

  @Test
  void aMapDeclaredTwiceWithDifferentSettingsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClusterSetup.hazelcastConfig(DaemonConfig.of(new JsonObject()),
            List.of(objects("berth.test.pools"), new MapConfig("berth.test.pools").setBackupCount(2))));
    assertTrue(e.getMessage().contains("berth.test.pools"), e.getMessage());
  }

  @Test
  void aMemberStartsWithTheDeclaredSettings() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    DaemonConfig config = DaemonConfig.of(new JsonObject().put("node-name", "maps")
        .put("cluster", new JsonObject().put("port", port).put("name", "berth-test-" + UUID.randomUUID())));
    HazelcastInstance member = Hazelcast.newHazelcastInstance(
        ClusterSetup.hazelcastConfig(config, List.of(objects("berth.test.pools"))));
    try {
      member.getMap("berth.test.pools").put("k", "v");
      assertEquals(InMemoryFormat.OBJECT, member.getConfig().findMapConfig("berth.test.pools").getInMemoryFormat());
      assertEquals(InMemoryFormat.BINARY, member.getConfig().findMapConfig("berth.test.other").getInMemoryFormat());
    } finally {
      member.shutdown();
    }
  }
}
