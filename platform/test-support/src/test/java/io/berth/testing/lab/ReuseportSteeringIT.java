package io.berth.testing.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.berth.host.Cpus;
import io.berth.host.ReuseportSteering;
import io.berth.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Datagrams to a {@code SO_REUSEPORT} group steered by CPU: everything sent from a process bound to CPU {@code i}
 * reaches socket {@code i}. Each datagram leaves from a new source port, so the kernel's hash alone would spread
 * them over both sockets. Loopback only.
 */
@Tag("host")
class ReuseportSteeringIT {
  private static final int PER_CPU = 12;

  @Test
  void eachCpusDatagramsReachThatCpusSocket() throws Exception {
    assumeTrue(Cpus.allowed().cardinality() >= 2 && Cpus.allowed().nextClearBit(0) >= 2, "needs CPUs 0 and 1");
    List<DatagramChannel> group = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        DatagramChannel ch = DatagramChannel.open();
        ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        ch.bind(new InetSocketAddress("127.0.0.1", i == 0 ? 0 : ((InetSocketAddress) group.get(0).getLocalAddress())
            .getPort()));
        ch.configureBlocking(false);
        group.add(ch);
      }
      ReuseportSteering.byCpu(fd(group.get(0)));
      int port = ((InetSocketAddress) group.get(0).getLocalAddress()).getPort();
      for (int cpu = 0; cpu < 2; cpu++) {
        String script = "for i in $(seq " + PER_CPU + "); do printf cpu" + cpu + " > /dev/udp/127.0.0.1/" + port
            + "; done";
        Process p = new ProcessBuilder("taskset", "-c", Integer.toString(cpu), "bash", "-c", script).inheritIO()
            .start();
        assertEquals(0, p.waitFor());
      }
      // loopback queues a datagram to its socket shortly after the send returns: drain until all have arrived
      List<List<String>> received = List.of(new ArrayList<>(), new ArrayList<>());
      Await.until("all " + 2 * PER_CPU + " datagrams received", Duration.ofSeconds(5), () -> {
        for (int i = 0; i < 2; i++) received.get(i).addAll(drain(group.get(i)));
        return received.get(0).size() + received.get(1).size();
      }, n -> n >= 2 * PER_CPU);
      for (int i = 0; i < 2; i++) {
        List<String> got = received.get(i);
        assertEquals(PER_CPU, got.size(), "socket " + i + " got " + got);
        assertEquals(List.of("cpu" + i), got.stream().distinct().toList(), "socket " + i);
      }
    } finally {
      for (DatagramChannel ch : group) {
        ch.close();
      }
    }
  }

  private static List<String> drain(DatagramChannel ch) throws IOException {
    List<String> out = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.allocate(64);
    while (ch.receive(buf) != null) {
      buf.flip();
      out.add(StandardCharsets.US_ASCII.decode(buf).toString());
      buf.clear();
    }
    return out;
  }

  /** The descriptor of a JDK channel (sun.nio.ch is opened to tests by the build). */
  private static int fd(DatagramChannel ch) throws ReflectiveOperationException {
    var m = ch.getClass().getMethod("getFDVal");
    m.setAccessible(true);
    return (int) m.invoke(ch);
  }
}
