package io.berth.kit.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import io.berth.kit.config.DaemonConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Hazelcast configuration of a berth node: TCP-IP join with explicit members (loopback by default), multicast and
 * auto-detection off, no join wait (the default waits make a two-member cluster take 9 s instead of 2–3 s), phone-home
 * off. {@code cluster.discovery=kubernetes} switches to Hazelcast's Kubernetes discovery for the manifests in k8s/.
 * The services' own map settings ({@link io.berth.kit.node.ServiceModule#mapConfigs()}) are part of it, so they hold
 * from the member's first moment: a map's in-memory format cannot change once the map exists, and a setting added
 * after start races with the first use of the map.
 */
public final class ClusterSetup {
  private ClusterSetup() {}

  /** The member configuration with no map settings of berth's own. */
  public static Config hazelcastConfig(DaemonConfig config) {
    return hazelcastConfig(config, List.of());
  }

  /**
   * The member configuration with the given map settings. A map may be declared more than once (two services that
   * read it) only with the same settings; different ones are refused, since one of them would silently lose.
   */
  public static Config hazelcastConfig(DaemonConfig config, List<MapConfig> maps) {
    // Vert.x's defaults keep the maps its cluster manager needs (subscriptions, HA info) configured right.
    Config c = ConfigUtil.loadConfig();
    c.setClusterName(config.clusterName());
    c.setInstanceName("berth-" + config.nodeName() + "-" + config.clusterPort());
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "slf4j");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    addMaps(c, maps);
    NetworkConfig network = c.getNetworkConfig();
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if ("kubernetes".equals(config.clusterDiscovery())) {
      var k8s = join.getKubernetesConfig().setEnabled(true);
      config.clusterKubernetes().forEach(e -> k8s.setProperty(e.getKey(), String.valueOf(e.getValue())));
      return c;
    }
    c.setProperty("hazelcast.socket.bind.any", "false");
    network.setPort(config.clusterPort()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(config.clusterHost());
    List<String> members = config.clusterMembers();
    var tcp = join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1);
    tcp.addMember(config.clusterHost() + ":" + config.clusterPort());
    members.forEach(tcp::addMember);
    return c;
  }

  private static void addMaps(Config c, List<MapConfig> maps) {
    Map<String, MapConfig> declared = new HashMap<>();
    for (MapConfig m : maps) {
      MapConfig before = declared.putIfAbsent(m.getName(), m);
      if (before != null && !before.equals(m)) {
        throw new IllegalArgumentException("Hazelcast map " + m.getName() + " is declared twice with different "
            + "settings: " + before + " and " + m);
      }
      c.addMapConfig(m);
    }
  }
}
