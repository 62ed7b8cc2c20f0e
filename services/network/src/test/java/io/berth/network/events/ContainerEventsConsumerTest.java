package io.berth.network.events;

import static io.berth.network.fakes.NetworkFixture.await;
import static io.berth.network.fakes.NetworkFixture.container;
import static io.berth.network.fakes.NetworkFixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.network.SandboxFailed;
import io.berth.events.network.SandboxReady;
import io.berth.kit.errors.BerthException;
import io.berth.kit.events.Subscription;
import io.berth.network.domain.Network;
import io.berth.network.fakes.NetworkFixture;
import io.vertx.core.Future;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Container events drive sandboxes; a refused or failed set-up is a published fact, never a dead letter. */
class ContainerEventsConsumerTest {
  final NetworkFixture fx = new NetworkFixture();

  @BeforeEach
  void subscribe() {
    Subscription s = await(fx.bus.subscribe(io.berth.events.Topics.CONTAINER_EVENTS, "g",
        new ContainerEventsConsumer(fx.setup, NetworkFixture.NODE).handler()));
    assertNotNull(s);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  Future<Void> deliver(Record data) {
    String key = data instanceof ContainerCreated c ? c.id() : ((ContainerRemoved) data).id();
    return fx.bus.deliver(key, data);
  }

  SandboxFailed failedFact() {
    List<SandboxFailed> failed = fx.bus.published(SandboxFailed.class);
    assertEquals(1, failed.size(), fx.bus.publishedTypes().toString());
    return failed.get(0);
  }

  @Test
  void createdAndRemovedSetUpAndTearDown() {
    fx.network("web", "10.50.0.0/24");
    fx.bus.clear();
    await(deliver(container(1, "web", null)));
    assertEquals(id(1), fx.bus.published(SandboxReady.class).get(0).containerId());
    await(deliver(new ContainerRemoved(id(1), NetworkFixture.NODE, false)));
    assertTrue(fx.state.sandboxes().isEmpty());
  }

  @Test
  void anotherNodesContainerIsNotOurs() {
    fx.network("web", "10.50.0.0/24");
    ContainerCreated c = container(1, "web", null);
    ContainerCreated elsewhere = new ContainerCreated(c.id(), c.name(), "n2", c.image(), null, null, c.createdAt(),
        null, null, c.networkMode(), c.networks(), c.portBindings(), false, null, null, null, null, null, false, null,
        null, false, null, null);
    await(deliver(elsewhere));
    assertTrue(fx.state.sandboxes().isEmpty());
  }

  @Test
  void aMissingNetworkIsAFactNotADeadLetter() {
    await(deliver(container(1, "nosuch", null)));
    SandboxFailed f = failedFact();
    assertEquals(new SandboxFailed(id(1), NetworkFixture.NODE, 404, "network nosuch not found"), f);
  }

  @Test
  void aPortAlreadyAllocatedIsAFact() {
    fx.network("web", "10.50.0.0/24");
    await(deliver(container(1, "web", "5000")));
    fx.bus.clear();
    await(deliver(container(2, "web", "5000")));
    SandboxFailed f = failedFact();
    assertEquals(500, f.status());
    assertTrue(f.message().endsWith("Bind for 0.0.0.0:5000 failed: port is already allocated"), f.message());
  }

  @Test
  void aTakenAddressAndAnExhaustedPoolAreFacts() {
    Network tiny = fx.network("tiny", "10.51.0.0/29");
    for (int i = 1; i <= 5; i++) {
      await(deliver(container(i, "tiny", null)));
    }
    fx.bus.clear();
    await(deliver(container(6, "tiny", null)));
    // dockerd: Endpoint.assignAddressVersion's plain error, a 500
    assertEquals(new SandboxFailed(id(6), NetworkFixture.NODE, 500,
        "no available IPv4 addresses on this network's address pools: tiny (" + tiny.id() + ")"), failedFact());
  }

  @Test
  void aDriverFailureIsAFact() {
    fx.network("web", "10.50.0.0/24");
    fx.sandboxHost.failJoin = "ip link add: no buffer space";
    fx.bus.clear();
    await(deliver(container(1, "web", null)));
    SandboxFailed f = failedFact();
    assertEquals(500, f.status());
    assertTrue(f.message().contains("no buffer space"), f.message());
  }

  @Test
  void aTransientFailureIsRetriedAndAnnouncesNothing() {
    fx.network("web", "10.50.0.0/24");
    fx.sandboxHost.failWith = new BerthException.Unavailable("cluster map berth.network.ports: timeout");
    fx.bus.clear();
    Throwable e = assertThrows(RuntimeException.class, () -> await(deliver(container(1, "web", null))));
    assertInstanceOf(BerthException.Unavailable.class, e);
    assertTrue(fx.bus.published(SandboxFailed.class).isEmpty());
  }
}
