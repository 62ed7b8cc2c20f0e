package io.berth.network.ports;

import com.hazelcast.map.EntryProcessor;
import io.berth.network.cluster.KeyedEntries;
import io.berth.network.domain.PortMapping;
import io.berth.network.domain.PortRequest;
import io.vertx.core.Future;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Host ports of each node in the cluster map {@code berth.network.ports} (key = node), reserved and freed by entry
 * processors so concurrent containers never share a port.
 */
public final class PortAllocator {
  public static final String MAP = "berth.network.ports";

  private final KeyedEntries<String, PortTable> tables;
  private final String node;

  /** @param tables the nodes' port tables ({@link #MAP}) */
  public PortAllocator(KeyedEntries<String, PortTable> tables, String node) {
    this.tables = tables;
    this.node = node;
  }

  record Outcome(int[] ports, String error) implements Serializable {}

  record Reserve(String containerId, List<PortRequest> requests) implements EntryProcessor<String, PortTable, Outcome> {
    @Override
    public Outcome process(Map.Entry<String, PortTable> entry) {
      PortTable t = entry.getValue() == null ? new PortTable() : entry.getValue();
      try {
        int[] ports = t.reserve(containerId, requests);
        entry.setValue(t);
        return new Outcome(ports, null);
      } catch (PortTable.PortConflict e) {
        return new Outcome(null, e.getMessage());
      }
    }
  }

  record Release(String containerId) implements EntryProcessor<String, PortTable, Integer> {
    @Override
    public Integer process(Map.Entry<String, PortTable> entry) {
      PortTable t = entry.getValue();
      if (t == null) {
        return 0;
      }
      int n = t.releaseAll(containerId);
      entry.setValue(t);
      return n;
    }
  }

  record Hold(List<PortMapping> mappings, String containerId) implements EntryProcessor<String, PortTable, Void> {
    @Override
    public Void process(Map.Entry<String, PortTable> entry) {
      PortTable t = entry.getValue() == null ? new PortTable() : entry.getValue();
      mappings.forEach(m -> t.hold(m.protocol(), m.hostPort(), m.hostIp(), containerId));
      entry.setValue(t);
      return null;
    }
  }

  /**
   * Reserves ports for every request, all or none; fails with {@link PortTable.PortConflict} (the port allocator's
   * {@code Bind for 0.0.0.0:80 failed: port is already allocated}) on a collision.
   */
  public Future<int[]> reserve(String containerId, List<PortRequest> requests) {
    if (requests.isEmpty()) {
      return Future.succeededFuture(new int[0]);
    }
    return tables.submit(node, new Reserve(containerId, requests)).compose(o -> o.error() == null ? Future.succeededFuture(o.ports())
        : Future.failedFuture(new PortTable.PortConflict(o.error())));
  }

  /** Marks existing publications held (restore after a cold start). */
  public Future<Void> hold(String containerId, List<PortMapping> mappings) {
    if (mappings.isEmpty()) {
      return Future.succeededFuture();
    }
    return tables.submit(node, new Hold(mappings, containerId)).mapEmpty();
  }

  public Future<Void> release(String containerId) {
    return tables.submit(node, new Release(containerId)).mapEmpty();
  }
}
