package io.berth.dns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A store that rebuilds only the zones a change touches indexes the same as a snapshot built from scratch. */
class RecordStoreTest {
  private static final List<String> NETWORKS = List.of("a", "b", "c");

  @Test
  void incrementalSnapshotsMatchSnapshotsBuiltFromScratch() {
    Random random = new Random(6);
    RecordStore store = new RecordStore();
    Map<String, EndpointRecord> model = new HashMap<>();
    for (int step = 0; step < 2000; step++) {
      String id = "e" + random.nextInt(30);
      int op = random.nextInt(10);
      if (op < 6) {
        int host = 2 + random.nextInt(40);
        String container = String.format("%064x", random.nextInt(15));
        EndpointRecord e = new EndpointRecord(id, NETWORKS.get(random.nextInt(3)) + "-id",
            NETWORKS.get(random.nextInt(3)), container, "c" + random.nextInt(12), random.nextBoolean() ? "" : "h",
            random.nextBoolean() ? List.of("x" + random.nextInt(5)) : List.of(), "10.0.0." + host + "/24",
            random.nextBoolean() ? "fd00::" + host : null, "n1", random.nextInt(5) > 0);
        store.upsert(e);
        model.put(id, e);
      } else if (op < 9) {
        store.remove(id);
        model.remove(id);
      } else {
        store.replaceAll(new ArrayList<>(model.values()));
      }
      assertEquals(describe(RecordSnapshot.of(model.values())), describe(store.snapshot()), "after step " + step);
    }
  }

  @Test
  void aNetworkWhoseLastEndpointLeftHasNoZone() {
    RecordStore store = new RecordStore();
    store.upsert(Fixtures.ep("e1", "a", Fixtures.C1, "c1", "10.0.0.2/24", null));
    store.upsert(Fixtures.ep("e1", "b", Fixtures.C1, "c1", "10.0.1.2/24", null));
    assertNull(store.snapshot().zone("a-id"), "the endpoint moved to b");
    store.remove("e1");
    assertNull(store.snapshot().zone("b-id"));
    assertEquals(0, store.snapshot().size());
  }

  /** Everything a lookup can see, in a comparable form. */
  private static String describe(RecordSnapshot s) {
    Map<String, String> out = new TreeMap<>();
    for (String net : NETWORKS) {
      NetworkZone z = s.zone(net + "-id");
      if (z == null) {
        continue;
      }
      Set<String> names = new TreeSet<>(z.ipv4().keySet());
      names.addAll(z.ipv6().keySet());
      StringBuilder sb = new StringBuilder(z.networkName()).append(' ');
      for (String name : names) {
        sb.append(name).append('=').append(z.addresses(name, false)).append(z.addresses(name, true))
            .append(z.records(name, false).wire().length).append(';');
      }
      new TreeMap<>(Map.copyOf(z.members()).entrySet().stream().collect(
          java.util.stream.Collectors.toMap(e -> e.getKey().getHostAddress(), e -> e.getValue().endpointId())))
          .forEach((k, v) -> sb.append(k).append("->").append(v).append(';'));
      out.put(net, sb.toString());
      if (s.zoneNamed(z.networkName()) == null) {
        out.put(net + "/name", "missing");
      }
    }
    for (int c = 0; c < 15; c++) {
      String container = String.format("%064x", c);
      out.put("zones of " + c, s.zonesOf(container).stream().map(NetworkZone::networkId).toList().toString());
    }
    out.put("size", Integer.toString(s.size()));
    return out.toString();
  }
}
