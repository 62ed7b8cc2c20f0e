package io.berth.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hazelcast.core.HazelcastInstance;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.Network;
import io.berth.testing.cluster.TestHazelcast;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where pools live by scope, against a real Hazelcast member: a local network's pool stays in this node's memory, a
 * network spanning nodes has its pool in the cluster map; in both, concurrent allocations never share an address and
 * released addresses come back.
 */
class IpamScopesTest {
  static HazelcastInstance member;
  static Vertx vertx;

  @BeforeAll
  static void start() {
    member = TestHazelcast.member("ipam");
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    member.shutdown();
    vertx.close().await();
  }

  @Test
  void localPoolsStayOnTheNodeAndClusterPoolsGoToTheMap() throws Exception {
    Ipam ipam = new Ipam(vertx, member.getMap(Ipam.MAP));
    Network local = network("local", "10.77.0.0/24");
    Network swarm = network("swarm", "10.78.0.0/24");
    ipam.init(local, List.of()).await(10, TimeUnit.SECONDS);
    ipam.init(swarm, List.of()).await(10, TimeUnit.SECONDS);

    assertNull(member.getMap(Ipam.MAP).get(local.id()), "a local network's pool is not in the cluster map");
    assertNotNull(member.getMap(Ipam.MAP).get(swarm.id()));
    for (Network n : List.of(local, swarm)) {
      Set<String> given = allocateConcurrently(ipam, n, 100);
      assertEquals(100, given.size(), n.scope() + ": no address handed out twice");
      ipam.release(n, new ArrayList<>(given)).await(10, TimeUnit.SECONDS);
      assertEquals(253, allocateConcurrently(ipam, n, 253).size(), n.scope() + ": released addresses come back");
      IpamException full = (IpamException) ipam.allocate(n, true, null).transform(Future::succeededFuture)
          .await(10, TimeUnit.SECONDS).cause();
      assertNotNull(full, n.scope() + ": an exhausted pool refuses");
    }
    ipam.drop(local).await(10, TimeUnit.SECONDS);
    ipam.drop(swarm).await(10, TimeUnit.SECONDS);
    assertNull(member.getMap(Ipam.MAP).get(swarm.id()));
    assertNull(ipam.allocate(local, true, null).transform(Future::succeededFuture).await(10, TimeUnit.SECONDS)
        .result(), "a dropped pool allocates nothing");
  }

  private static Set<String> allocateConcurrently(Ipam ipam, Network n, int count) throws Exception {
    java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        all.add(callers.submit(() -> ipam.allocate(n, true, null).toCompletionStage().toCompletableFuture()
            .get(10, TimeUnit.SECONDS)));
      }
      Set<String> out = new HashSet<>();
      for (var f : all) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      callers.shutdownNow();
    }
  }

  private static Network network(String scope, String subnet) {
    return new Network(UUID.randomUUID().toString().replace("-", ""), scope + "net", "bridge", scope, "ipam", null,
        true, false, "default", List.of(new IpamConfig(subnet, null, subnet.replace("0/24", "1"), Map.of())), Map.of(),
        false, false, false, Map.of(), Map.of(), null, false);
  }
}
