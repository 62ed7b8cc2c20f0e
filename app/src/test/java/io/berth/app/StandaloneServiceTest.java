package io.berth.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.gateway.GatewayService;
import io.berth.kit.config.ConfigException;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.kit.node.ServiceEndpoints;
import io.berth.testing.node.Ports;
import io.berth.volume.VolumeService;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service run alone, as a DaemonSet pod runs it: its own JVM-level node with an external Kafka and a Hazelcast
 * cluster it joins. The gateway of the same node finds it through the endpoint registry and routes to it.
 */
class StandaloneServiceTest {
  @TempDir Path dir;

  @Test
  void aServiceAloneJoinsTheClusterAndServesThroughTheGateway() throws Exception {
    int apiPort = Ports.free();
    DaemonConfig gatewayConfig = TestNodes.config(dir.resolve("gw"), apiPort);
    BerthNode gateway = BerthNode.start(gatewayConfig, "gateway", List.of(new GatewayService()), true, OpenTelemetry.noop());
    BerthNode volume = null;
    try {
      String kafka = gateway.context().kafka().bootstrapServers();
      JsonObject json = gatewayConfig.json();
      json.put("data-root", dir.resolve("vol").toString()).put("exec-root", dir.resolve("vol-run").toString())
          .put("kafka", new JsonObject().put("bootstrap-servers", kafka))
          .put("cluster", json.getJsonObject("cluster").copy().put("port", Ports.free())
              .put("members", new JsonArray().add("127.0.0.1:" + gatewayConfig.clusterPort())));
      volume = BerthNode.start(DaemonConfig.of(json), "volume", List.of(new VolumeService()), false, OpenTelemetry.noop());

      assertEquals(2, volume.context().hazelcast().getCluster().getMembers().size(), "joined the gateway's cluster");
      String address = new ServiceEndpoints(gateway.context().hazelcast()).lookup(gatewayConfig.nodeName(), "volume").orElseThrow();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/ready")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode(), ready.body());
      HttpResponse<String> viaGateway = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/v1.51/volumes")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(viaGateway.statusCode() < 500, "the gateway reached the standalone service: " + viaGateway.body());
    } finally {
      if (volume != null) volume.stop();
      gateway.stop();
    }
  }

  @Test
  void aServiceAloneNeedsAnExternalKafka() {
    DaemonConfig config = TestNodes.config(dir.resolve("nokafka"), Ports.free());
    ConfigException e = assertThrows(ConfigException.class,
        () -> BerthNode.start(config, "volume", List.of(new VolumeService()), false, OpenTelemetry.noop()));
    assertTrue(e.getMessage().contains("--kafka"), e.getMessage());
  }
}
