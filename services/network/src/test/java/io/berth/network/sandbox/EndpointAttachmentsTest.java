package io.berth.network.sandbox;

import static io.berth.network.fakes.NetworkFixture.await;
import static io.berth.network.fakes.NetworkFixture.container;
import static io.berth.network.fakes.NetworkFixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.berth.network.fakes.NetworkFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EndpointAttachmentsTest {
  final NetworkFixture fx = new NetworkFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void connectAddsAnInterfaceAndDisconnectTakesItAway() {
    Network back = fx.network("back", "10.30.0.0/24");
    Network front = fx.network("front", "10.31.0.0/24");
    await(fx.setup.create(container(1, "back", null)));
    fx.bus.clear();
    Endpoint e = await(fx.attachments.connect("front", "c1", List.of("api"), "10.31.0.9", null, Map.of()));
    assertEquals("eth1", e.ifName());
    assertEquals("10.31.0.9/24", e.ipv4());
    assertEquals(2, fx.state.sandbox(id(1)).endpoints().size());
    assertEquals(front.device(), fx.sandboxHost.joined.get(e.hostIf()).bridge());
    assertNull(fx.sandboxHost.joined.get(e.hostIf()).gateway4(), "back already reaches out");
    assertEquals(List.of("io.berth.network.endpoint.joined"), fx.bus.publishedTypes());

    BerthException twice = assertThrows(BerthException.class,
        () -> await(fx.attachments.connect("front", "c1", List.of(), null, null, Map.of())));
    assertEquals(403, twice.status());
    assertEquals("endpoint with name c1 already exists in network front", twice.getMessage());

    await(fx.attachments.disconnect("front", id(1).substring(0, 12), false));
    assertFalse(fx.host.linkExists(e.hostIf()));
    assertEquals(1, fx.state.sandbox(id(1)).endpoints().size());
    assertEquals("10.31.0.9/24", await(fx.ipam.allocate(front, true, "10.31.0.9")), "the address is free again");
    BerthException notConnected = assertThrows(BerthException.class,
        () -> await(fx.attachments.disconnect("front", "c1", false)));
    assertEquals("container c1 is not connected to network front", notConnected.getMessage());
    await(fx.attachments.disconnect("front", "c1", true));
    assertTrue(fx.state.network(back.id()) != null);
  }

  @Test
  void disconnectingTheNetworkThatCarriesThePortsUnpublishesThem() {
    fx.network("web", "10.32.0.0/24");
    await(fx.setup.create(container(1, "web", "5000")));
    await(fx.attachments.disconnect("web", "c1", false));
    assertTrue(fx.firewall.ports.isEmpty());
    assertTrue(fx.state.sandbox(id(1)).published().isEmpty());
    await(fx.setup.create(container(2, "web", "5000")));
  }

  @Test
  void unknownAndUnconnectableContainersAreDockersErrors() {
    fx.network("web", "10.32.0.0/24");
    BerthException missing = assertThrows(BerthException.class,
        () -> fx.attachments.connect("web", "nosuch", List.of(), null, null, Map.of()));
    assertEquals(404, missing.status());
    assertEquals("No such container: nosuch", missing.getMessage());
    await(fx.setup.create(container(1, "host", null)));
    BerthException host = assertThrows(BerthException.class,
        () -> await(fx.attachments.connect("web", "c1", List.of(), null, null, Map.of())));
    assertEquals(400, host.status());
    await(fx.setup.create(container(2, "web", null)));
    await(fx.setup.create(container(3, "web", null)));
    BerthException ambiguous = assertThrows(BerthException.class,
        () -> fx.attachments.connect("web", id(2).substring(0, 60), List.of(), null, null, Map.of()));
    assertEquals("multiple IDs found with provided prefix: " + id(2).substring(0, 60), ambiguous.getMessage());
  }
}
