package io.berth.network.ipam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.network.domain.PortRequest;
import io.berth.network.ports.PortTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortTableTest {
  private static PortRequest req(String ip, String port) {
    return PortRequest.parse("tcp", 80, ip, port, "0.0.0.0");
  }

  @Test
  void fixedPortsCollideOnWildcardAndSameAddressOnly() {
    PortTable t = new PortTable();
    assertArrayEquals(new int[] {5000}, t.reserve("c1", List.of(req("", "5000"))));
    var e = assertThrows(PortTable.PortConflict.class, () -> t.reserve("c2", List.of(req("", "5000"))));
    assertEquals("Bind for 0.0.0.0:5000 failed: port is already allocated", e.getMessage());
    assertThrows(PortTable.PortConflict.class, () -> t.reserve("c2", List.of(req("127.0.0.1", "5000"))));
    assertArrayEquals(new int[] {5000}, t.reserve("c3", List.of(req("::1", "5000")))); // other family
    assertArrayEquals(new int[] {5000}, t.reserve("c4", List.of(PortRequest.parse("udp", 80, "", "5000", "0.0.0.0"))));
  }

  @Test
  void allOrNothingAndRelease() {
    PortTable t = new PortTable();
    t.reserve("c1", List.of(req("", "6001")));
    assertThrows(PortTable.PortConflict.class, () -> t.reserve("c2", List.of(req("", "6000"), req("", "6001"))));
    assertTrue(t.isFree("tcp", 6000, "0.0.0.0"), "the first port of a refused request is given back");
    assertEquals(1, t.releaseAll("c1"));
    assertTrue(t.isFree("tcp", 6001, "0.0.0.0"));
  }

  @Test
  void dynamicAndRangePorts() {
    PortTable t = new PortTable();
    int a = t.reserve("c1", List.of(req("", "")))[0];
    int b = t.reserve("c2", List.of(req("", "")))[0];
    assertTrue(a >= 32768 && a <= 60999);
    assertNotEquals(a, b);
    int[] r = t.reserve("c3", List.of(req("", "8000-8002"), req("", "8000-8002")));
    assertArrayEquals(new int[] {8000, 8001}, r);
  }

  private static PortRequest req(int containerPort, String ip, String port) {
    return PortRequest.parse("tcp", containerPort, ip, port, "0.0.0.0");
  }

  @Test
  void aPublicationOnBothFamiliesGetsOnePort() {
    PortTable t = new PortTable();
    int first = t.reserve("c0", List.of(req("", "")))[0];
    // the next dynamic port is free for IPv4 only: the pair must skip it
    t.hold("tcp", first + 1, "::", "other");
    int[] pair = t.reserve("c1", List.of(req("", ""), req("::", "")));
    assertEquals(pair[0], pair[1], "0.0.0.0 and [::] share the host port");
    assertNotEquals(first + 1, pair[0]);
    int[] ranged = t.reserve("c2", List.of(req("", "7000-7002"), req("::", "7000-7002")));
    assertArrayEquals(new int[] {7000, 7000}, ranged);
    var e = assertThrows(PortTable.PortConflict.class, () -> t.reserve("c3", List.of(req("", "7000"),
        req("::", "7000"))));
    assertEquals("Bind for 0.0.0.0:7000 failed: port is already allocated", e.getMessage());
    t.reserve("c4", List.of(req("::", "7100")));
    e = assertThrows(PortTable.PortConflict.class, () -> t.reserve("c5", List.of(req("", "7100"), req("::", "7100"))));
    assertEquals("Bind for [::]:7100 failed: port is already allocated", e.getMessage());
    assertTrue(t.isFree("tcp", 7100, "0.0.0.0"), "nothing of the refused pair is kept");
  }

  @Test
  void aRangeOfPortsToARangeIsAllOrNothing() {
    PortTable t = new PortTable();
    // -p 8000-8002:80-82: the CLI sends one binding per container port
    assertArrayEquals(new int[] {8000, 8001, 8002},
        t.reserve("c1", List.of(req(80, "", "8000"), req(81, "", "8001"), req(82, "", "8002"))));
    var e = assertThrows(PortTable.PortConflict.class,
        () -> t.reserve("c2", List.of(req(80, "", "8003"), req(81, "", "8002"), req(82, "", "8004"))));
    assertEquals("Bind for 0.0.0.0:8002 failed: port is already allocated", e.getMessage());
    assertTrue(t.isFree("tcp", 8003, "0.0.0.0"), "the ports before the collision are given back");
  }
}
