package io.berth.app;

import io.berth.dns.DnsService;
import io.berth.dns.host.NetnsListenNamespace;
import io.berth.gateway.GatewayService;
import io.berth.host.NetnsHandle;
import io.berth.ingress.IngressService;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.ServiceModule;
import io.berth.logging.LoggingService;
import io.berth.network.NetworkService;
import io.berth.network.host.NodeNamespace;
import io.berth.volume.VolumeService;
import java.util.List;
import io.berth.testing.node.Ports;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.UUID;

/** Configurations for all-in-one nodes started inside the test JVM, on free loopback ports under a test folder. */
final class TestNodes {
  private TestNodes() {}

  /**
   * Every service, with the ones that program the host (network, and dns which listens on network gateways) bound to
   * a lab namespace: a node inside the test JVM runs in the machine's own namespace, which tests never touch.
   */
  static List<ServiceModule> services(NetnsHandle lab) {
    return List.of(new VolumeService(), new NetworkService(NodeNamespace.of(lab)),
        new DnsService(new NetnsListenNamespace(lab), DnsService.Settings.defaults()),
        new LoggingService(), new IngressService(), new GatewayService());
  }

  static DaemonConfig config(Path dir, int apiPort) {
    return DaemonConfig.of(new JsonObject()
        .put("data-root", dir.resolve("data").toString())
        .put("exec-root", dir.resolve("run").toString())
        .put("node-name", "node-" + UUID.randomUUID().toString().substring(0, 6))
        .put("hosts", new JsonArray().add("tcp://127.0.0.1:" + apiPort))
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "test-" + UUID.randomUUID())));
  }
}
