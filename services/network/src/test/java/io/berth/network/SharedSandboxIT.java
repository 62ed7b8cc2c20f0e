package io.berth.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.BerthEvents;
import io.berth.events.Topics;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.NetworkAttachment;
import io.berth.events.container.PortBinding;
import io.berth.events.network.SandboxReady;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.errors.BerthException;
import io.berth.kit.node.BerthNode;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.NetworkSpec;
import io.berth.network.domain.Sandbox;
import io.berth.testing.Await;
import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.Ports;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --network container:<id>} on a whole network service (node in a lab namespace): the sharing container
 * gets the owner's namespace and interfaces and nothing of its own; an unknown owner is Docker's 404; removing the
 * sharing container leaves the namespace; removing the owner first keeps the namespace until the last sharer goes.
 */
@Tag("host")
class SharedSandboxIT {
  @RegisterExtension LabNetns lab = new LabNetns();
  @TempDir Path dir;

  static String id(int n) {
    return String.format("%064x", 0x5210L * 1000 + n);
  }

  static ContainerCreated container(int n, String mode, List<PortBinding> ports) {
    List<NetworkAttachment> nets = mode.startsWith("container:") ? List.of()
        : List.of(new NetworkAttachment(mode, null, null, null, null, null));
    return new ContainerCreated(id(n), "c" + n, "shared", "busybox", null, null, "2026-11-27T00:00:00Z", null, null,
        mode, nets, ports, false, null, null, null, null, null, false, null, null, false, null, null);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void aContainerSharesAnothersNamespace() throws Exception {
    DaemonConfig cfg = DaemonConfig.of(new JsonObject()
        .put("data-root", dir.resolve("data").toString()).put("exec-root", dir.resolve("run").toString())
        .put("node-name", "shared").put("log-level", "warn")
        .put("hosts", new JsonArray().add("tcp://127.0.0.1:" + Ports.free()))
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "shared-" + UUID.randomUUID())));
    NetworkService service = new NetworkService(io.berth.network.host.NodeNamespace.of(lab.netns()));
    BerthNode node = BerthNode.start(cfg, "shared", List.of(service), true);
    Map<String, SandboxReady> ready = new ConcurrentHashMap<>();
    Map<String, Integer> joined = new ConcurrentHashMap<>();
    try {
      await(node.context().events().subscribe(Topics.NETWORK_EVENTS, "shared-" + UUID.randomUUID(), (CloudEvent e) -> {
        String key = String.valueOf(e.getExtension("partitionkey"));
        if (e.getType().equals("io.berth.network.sandbox.ready")) {
          ready.put(key, BerthEvents.data(e, SandboxReady.class));
        } else if (e.getType().equals("io.berth.network.endpoint.joined")) {
          joined.merge(key, 1, Integer::sum);
        }
        return Future.succeededFuture();
      }));
      await(service.networks().create(new NetworkSpec("sharenet", "bridge", false, false, false, false, true, false,
          null, List.of(new IpamConfig("10.89.0.0/24", null, null, Map.of())), Map.of(), Map.of(), Map.of())));
      SandboxController sandboxes = service.sandboxes();
      Sandbox owner = await(sandboxes.create(container(1, "sharenet", List.of())));
      Sandbox sharer = await(sandboxes.create(container(2, "container:c1", List.of())));
      assertEquals(owner.key(), sharer.key(), "the same namespace");
      assertEquals("container:" + id(1), sharer.mode());
      assertTrue(sharer.endpoints().isEmpty(), "no endpoint of its own");
      assertFalse(sharer.berthCreated(), "not its namespace to remove");
      assertEquals(sharer, sandboxes.resolveContainer("c2"), "looked up like any container");
      SandboxReady r = Await.value("the sharer's sandbox.ready", Duration.ofSeconds(30), () -> ready.get(id(2)));
      assertEquals(owner.key(), r.sandboxKey());
      assertEquals(1, r.interfaces().size(), "the owner's interfaces: " + r);
      assertEquals("eth0", r.interfaces().get(0).name());
      assertTrue(r.interfaces().get(0).ipv4().startsWith("10.89.0."), r.toString());
      assertNull(joined.get(id(2)), "no endpoint.joined: the endpoints and their DNS names are the owner's");

      // an unknown owner: Docker's 404; ports with container mode: Docker's 400
      var e = assertThrows(ExecutionException.class, () -> await(sandboxes.create(container(3, "container:nosuch",
          List.of()))));
      assertInstanceOf(BerthException.NotFound.class, e.getCause());
      assertEquals("No such container: nosuch", e.getCause().getMessage());
      e = assertThrows(ExecutionException.class, () -> await(sandboxes.create(container(4, "container:c1",
          List.of(new PortBinding(80, null, "", "5000"))))));
      assertEquals("conflicting options: port publishing and the container type network mode",
          e.getCause().getMessage());
      e = assertThrows(ExecutionException.class, () -> await(sandboxes.connect("sharenet", "c2", List.of(), null,
          null, Map.of())));
      assertTrue(e.getCause().getMessage().startsWith("container sharing network namespace"), e.getCause().getMessage());

      // the sharer goes: the owner's namespace and interface stay
      await(sandboxes.remove(id(2)));
      assertTrue(Files.exists(Path.of(owner.key())));
      assertTrue(lab.exec("nsenter", "--net=" + owner.key(), "--", "ip", "-o", "addr").stdout().contains("10.89.0."));

      // the owner goes first: its interface goes, the namespace stays for the sharer, then goes with it
      await(sandboxes.create(container(5, "container:" + id(1).substring(0, 16), List.of())));
      await(sandboxes.remove(id(1)));
      assertTrue(Files.exists(Path.of(owner.key())), "kept while c5 shares it");
      String addrs = lab.exec("nsenter", "--net=" + owner.key(), "--", "ip", "-o", "addr").stdout();
      assertFalse(addrs.contains("10.89.0."), "the owner's endpoint is gone, as with Docker: " + addrs);
      assertThrows(BerthException.NotFound.class, () -> sandboxes.resolveContainer("c1"));
      assertThrows(ExecutionException.class, () -> await(sandboxes.create(container(6, "container:c1", List.of()))),
          "a removed owner cannot be joined");
      await(sandboxes.remove(id(5)));
      assertFalse(Files.exists(Path.of(owner.key())), "the last sharer took the namespace with it");
      assertTrue(service.networks().state().sandboxes().isEmpty(), "nothing left in the state");
    } finally {
      node.stop();
      service.releaseSandboxDir();
    }
  }
}
