package io.berth.dns.host;

import static io.berth.dns.host.DnsLab.GW4;
import static io.berth.dns.host.DnsLab.NET_ID;
import static io.berth.dns.host.DnsLab.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.dns.domain.Addresses;
import io.berth.dns.domain.RecordStore;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.dns.server.RequesterPolicy;
import io.berth.host.NetnsHandle;
import io.berth.testing.lab.LabNetns;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile packets at the resolver: {@code berth.dns.fuzz.packets} (default 1,000,000) random and mutated packets
 * from a seeded generator, nine in ten from a source that is not on the network and one in ten from a member. The
 * server must keep answering, and no answer to the stranger may be larger than the query it answers.
 */
@Tag("host")
class DnsFuzzIT {
  private static final long SEED = 0x5EED_0DD5L;
  private static final int BATCH = 512;

  @RegisterExtension
  LabNetns lab = new LabNetns();

  @Test
  void hostilePacketsNeitherCrashNorAmplify() throws Exception {
    int total = Integer.getInteger("berth.dns.fuzz.packets", 1_000_000);
    DnsLab net = new DnsLab(lab);
    NetnsHandle member = net.sandbox("m", 11);
    NetnsHandle stranger = net.sandbox("s", 99);
    net.dnsmasq("up1", 250, List.of("10.99.0.1 external.test"));
    RecordStore store = new RecordStore();
    store.upsert(endpoint("b1".repeat(32), "c1", 11, "web"));
    RequesterPolicy policy = new RequesterPolicy() {
      @Override
      public List<InetSocketAddress> upstreams(String containerId) {
        return List.of(new InetSocketAddress(DnsLab.ipv4(250), 53));
      }

      @Override
      public boolean setsNdots(String containerId) {
        return false;
      }
    };
    try (EmbeddedResolver resolver = new EmbeddedResolver(new NetnsListenNamespace(lab.netns()), store::snapshot,
        policy, EmbeddedResolver.Options.defaults().withTimeout(Duration.ofMillis(500)), new SimpleMeterRegistry())) {
      resolver.listen(NET_ID, Addresses.parse(GW4)).get(5, TimeUnit.SECONDS);
      InetSocketAddress server = new InetSocketAddress(Addresses.parse(GW4), 53);
      PacketFuzzer fuzzer = new PacketFuzzer(SEED);
      int[] sizeById = new int[65536];
      long strangerAnswers = 0;
      long started = System.nanoTime();
      try (DatagramChannel fromStranger = stranger.openDatagramChannel(new InetSocketAddress(0));
           DatagramChannel fromMember = member.openDatagramChannel(new InetSocketAddress(0));
           Selector selector = Selector.open()) {
        fromStranger.configureBlocking(false);
        fromMember.configureBlocking(false);
        fromStranger.register(selector, SelectionKey.OP_READ);
        fromMember.register(selector, SelectionKey.OP_READ);
        ByteBuffer in = ByteBuffer.allocate(65536);
        int id = 0;
        for (int sent = 0; sent < total; ) {
          for (int i = 0; i < BATCH && sent < total; i++, sent++) {
            byte[] p = fuzzer.next();
            id = (id + 1) & 0xffff;
            p[0] = (byte) (id >> 8);
            p[1] = (byte) id;
            if (sent % 10 == 0) {
              fromMember.send(ByteBuffer.wrap(p), server);
            } else {
              sizeById[id] = p.length;
              fromStranger.send(ByteBuffer.wrap(p), server);
            }
          }
          // Drain what came back until the server has been quiet for a moment.
          while (selector.select(3) > 0) {
            selector.selectedKeys().clear();
            in.clear();
            while (fromStranger.receive(in) != null) {
              in.flip();
              int answerId = in.getShort(0) & 0xffff;
              assertTrue(in.remaining() <= sizeById[answerId],
                  "answer of " + in.remaining() + " bytes to a " + sizeById[answerId] + "-byte query from a stranger");
              strangerAnswers++;
              in.clear();
            }
            while (fromMember.receive(in) != null) {
              in.clear();
            }
          }
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("fuzz: %d packets (seed %x) in %.1f s, %d refusals to the stranger, %s dropped%n", total, SEED,
          seconds, strangerAnswers, resolver.metrics().droppedCount());
      ExecResultAssert.answers(net.dig(member, "+short", "@" + GW4, "c1"), "172.30.0.11");
      ExecResultAssert.answers(net.dig(member, "+short", "+tcp", "@" + GW4, "c1"), "172.30.0.11");
      assertTrue(strangerAnswers > 0, "the stranger got no REFUSED at all: the fuzz did not reach the server");
    }
  }

  /** Small assertion helper for dig results. */
  static final class ExecResultAssert {
    static void answers(io.berth.testing.lab.ExecResult r, String expected) {
      assertEquals(expected, r.stdout().strip(), r.toString());
    }
  }
}
