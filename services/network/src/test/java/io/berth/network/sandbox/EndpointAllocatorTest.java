package io.berth.network.sandbox;

import io.berth.kit.steps.Rollback;
import static io.berth.network.fakes.NetworkFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Ids;
import io.berth.network.domain.Network;
import io.berth.network.fakes.NetworkFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EndpointAllocatorTest {
  final NetworkFixture fx = new NetworkFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  EndpointAllocator.Request request(Network n, String ip4, String ip6) {
    return new EndpointAllocator.Request(Ids.random(), n, NetworkFixture.id(1), "c1", List.of("web"), ip4, ip6,
        "eth0", Map.of());
  }

  static BerthException failure(io.vertx.core.Future<?> f) {
    return assertThrows(BerthException.class, () -> await(f));
  }

  @Test
  void anEndpointGetsAddressesNamesAndTheGateways() {
    Network n = fx.network("dual", "10.7.0.0/24", "fd00:7::/64");
    Endpoint e = await(fx.allocator.allocate(request(n, null, null), new Rollback()));
    assertEquals("10.7.0.2/24", e.ipv4());
    assertEquals("10.7.0.1", e.gateway4());
    assertEquals("fd00:7::2/64", e.ipv6());
    assertEquals("eth0", e.ifName());
    assertEquals("vb" + e.id().substring(0, 12), e.hostIf());
    assertEquals("02:42:0a:07:00:02", e.mac());
    assertEquals(List.of("web"), e.aliases());
  }

  @Test
  void aTakenAddressIsDockersForbidden() {
    Network n = fx.network("v4", "10.7.0.0/24");
    await(fx.allocator.allocate(request(n, "10.7.0.5", null), new Rollback()));
    BerthException e = failure(fx.allocator.allocate(request(n, "10.7.0.5", null), new Rollback()));
    // libnetwork's ipamapi.ErrIPAlreadyAllocated is a ForbiddenError: 403, "Address already in use"
    assertEquals(403, e.status());
    assertEquals("Address already in use", e.getMessage());
  }

  @Test
  void aRefusalOnAnIpv6OnlyNetworkUndoesWithoutSpuriousErrors() {
    Network n = fx.network("v6only", "fd00:8::/64");
    Endpoint first = await(fx.allocator.allocate(request(n, null, null), new Rollback()));
    assertNull(first.ipv4());
    Rollback undo = new Rollback();
    Throwable refused = assertThrows(RuntimeException.class, () -> await(fx.allocator.allocate(
        request(n, null, first.ipv6Address()), undo)));
    BerthException rolledBack = failure(undo.rollback(refused));
    assertEquals("Address already in use", rolledBack.getMessage(), "nothing but the refusal");
    assertEquals(403, rolledBack.status());
  }

  @Test
  void anUndoneEndpointGivesItsAddressesBack() {
    Network n = fx.network("v6again", "fd00:9::/64");
    Rollback undo = new Rollback();
    Endpoint e = await(fx.allocator.allocate(request(n, null, null), undo));
    BerthException rolledBack = failure(undo.rollback(BerthException.invalid("later step")));
    assertEquals("later step", rolledBack.getMessage());
    assertEquals(e.ipv6(), await(fx.allocator.allocate(request(n, null, e.ipv6Address()), new Rollback())).ipv6());
  }
}
