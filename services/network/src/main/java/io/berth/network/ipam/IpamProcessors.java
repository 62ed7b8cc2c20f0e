package io.berth.network.ipam;

import com.hazelcast.map.EntryProcessor;
import io.berth.network.domain.IpamConfig;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The entry processors that change {@link AddressPool}s, run on the owner of the network's key: each reads,
 * changes and writes back one pool in one step, so no two nodes ever hand out the same address.
 */
final class IpamProcessors {
  private IpamProcessors() {}

  /** The outcome of an allocation: the address, or Docker's message and what kind of refusal it is. */
  record Result(String address, String error, IpamException.Kind kind) implements Serializable {}

  /** Creates the pool unless it exists, then marks the given addresses allocated (restore after a cold start). */
  record Init(List<IpamConfig> configs, List<String> allocated) implements EntryProcessor<String, AddressPool, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, AddressPool> entry) {
      AddressPool pool = entry.getValue();
      boolean created = pool == null;
      if (created) {
        pool = new AddressPool(entry.getKey(), configs);
      }
      allocated.forEach(pool::mark);
      entry.setValue(pool);
      return created;
    }
  }

  /** Allocates one address per requested family. */
  record Allocate(boolean v4, String requested) implements EntryProcessor<String, AddressPool, Result> {
    @Override
    public Result process(Map.Entry<String, AddressPool> entry) {
      AddressPool pool = entry.getValue();
      if (pool == null) {
        return new Result(null, "network " + entry.getKey() + " has no address pool", IpamException.Kind.INVALID);
      }
      try {
        String a = pool.allocate(v4, requested);
        entry.setValue(pool);
        return new Result(a, null, null);
      } catch (IpamException e) {
        return new Result(null, e.getMessage(), e.kind());
      }
    }
  }

  /** Releases addresses; a missing pool or a free address changes nothing. */
  record Release(List<String> addresses) implements EntryProcessor<String, AddressPool, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, AddressPool> entry) {
      AddressPool pool = entry.getValue();
      if (pool == null) {
        return false;
      }
      addresses.forEach(pool::release);
      entry.setValue(pool);
      return true;
    }
  }
}
