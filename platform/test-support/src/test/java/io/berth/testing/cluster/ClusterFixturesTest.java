package io.berth.testing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class ClusterFixturesTest {
  @Test
  void oneBrokerServesTheWholeJvm() throws Exception {
    String servers = SharedKafka.bootstrapServers();
    assertEquals(servers, SharedKafka.bootstrapServers(), "started once");
    assertEquals(servers, SharedKafka.settings(3).bootstrapServers());
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      admin.createTopics(java.util.List.of(new NewTopic("fixture-test", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      assertEquals(true, admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("fixture-test"));
    }
  }

  @Test
  void aMemberIsAloneInItsOwnCluster() {
    HazelcastInstance a = TestHazelcast.member("a");
    try {
      assertEquals(1, a.getCluster().getMembers().size());
      assertTrue(a.getConfig().getClusterName().startsWith("berth-test-"), a.getConfig().getClusterName());
      assertEquals("127.0.0.1", a.getCluster().getLocalMember().getAddress().getHost(), "loopback only");
    } finally {
      a.shutdown();
    }
  }
}
