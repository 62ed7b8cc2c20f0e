package io.berth.kit.state;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

/**
 * A lone, real Hazelcast member on loopback, in a cluster of its own. Other modules use
 * io.berth.testing.cluster.TestHazelcast; the kit keeps this copy because test-support depends on the kit.
 */
final class TestHazelcast {

  private TestHazelcast() {
  }

  static HazelcastInstance member() {
    int port = freePort();
    Config c = new Config();
    c.setClusterName("berth-test-" + UUID.randomUUID());
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "slf4j");
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    NetworkConfig n = c.getNetworkConfig();
    n.setPort(port).setPortAutoIncrement(false);
    n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    n.getJoin().getMulticastConfig().setEnabled(false);
    n.getJoin().getAutoDetectionConfig().setEnabled(false);
    n.getJoin().getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1).addMember("127.0.0.1:" + port);
    return Hazelcast.newHazelcastInstance(c);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
