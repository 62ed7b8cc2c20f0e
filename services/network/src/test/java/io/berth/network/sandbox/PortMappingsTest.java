package io.berth.network.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.network.domain.Endpoint;
import io.berth.network.domain.PortMapping;
import io.berth.network.domain.PortRequest;
import io.berth.network.host.FirewallModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortMappingsTest {
  static final Endpoint GATEWAY = new Endpoint("e".repeat(64), "n", "net", "c", "c", "n1", "eth0", "vb", "m",
      "10.2.0.2/24", "fd00:2::2/64", "10.2.0.1", null, List.of(), 0, Map.of());

  @Test
  void eachRequestIsAimedAtTheGatewaysAddressOfItsFamily() {
    List<PortRequest> requests = List.of(PortRequest.parse("tcp", 80, "", "8080", "0.0.0.0"),
        PortRequest.parse("tcp", 80, "::", "8080", "0.0.0.0"), PortRequest.parse("udp", 53, "127.0.0.1", "", "0.0.0.0"));
    List<PortMapping> m = PortMappings.of(requests, new int[] {8080, 8080, 32768}, GATEWAY);
    assertEquals(List.of(new PortMapping("tcp", 80, "0.0.0.0", 8080, "10.2.0.2"),
        new PortMapping("tcp", 80, "::", 8080, "fd00:2::2"), new PortMapping("udp", 53, "127.0.0.1", 32768,
            "10.2.0.2")), m);
    assertEquals(new FirewallModel.Port("udp", "127.0.0.1", 32768, "10.2.0.2", 53), PortMappings.rules(m).get(2));
  }

  @Test
  void nothingIsPublishedWithoutAGatewayOrAnAddressOfTheFamily() {
    List<PortRequest> v6 = List.of(PortRequest.parse("tcp", 80, "::", "8080", "0.0.0.0"));
    assertTrue(PortMappings.of(v6, new int[] {8080}, null).isEmpty());
    Endpoint v4only = new Endpoint("e".repeat(64), "n", "net", "c", "c", "n1", "eth0", "vb", "m", "10.2.0.2/24",
        null, "10.2.0.1", null, List.of(), 0, Map.of());
    assertTrue(PortMappings.of(v6, new int[] {8080}, v4only).isEmpty());
  }
}
