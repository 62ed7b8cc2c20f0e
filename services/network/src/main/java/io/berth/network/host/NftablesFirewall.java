package io.berth.network.host;

import io.berth.host.Nftables;
import io.berth.kit.tracing.HostOps;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Comparator;

/**
 * The node's firewall on nftables: keeps the networks and published ports it must enforce, and applies the generated table
 * {@code inet berth} atomically after each change. Changes that arrive while an apply runs are folded into the next
 * one, so a burst of containers costs a few applies, not one each. Thread-safe.
 */
public final class NftablesFirewall implements Firewall {
  private final Nftables nft;
  private final HostOps hostOps;
  private final Object lock = new Object();
  private final Map<String, FirewallModel.Net> nets = new TreeMap<>();
  private final Map<String, List<FirewallModel.Port>> ports = new TreeMap<>();
  private List<Promise<Void>> waiting = new ArrayList<>();
  private boolean applying;
  private volatile long applies;

  public NftablesFirewall(Nftables nft, HostOps hostOps) {
    this.nft = nft;
    this.hostOps = hostOps;
  }

  @Override
  public Future<Void> putNetwork(String networkId, FirewallModel.Net net) {
    synchronized (lock) {
      nets.put(networkId, net);
    }
    return sync();
  }

  @Override
  public Future<Void> removeNetwork(String networkId) {
    synchronized (lock) {
      nets.remove(networkId);
    }
    return sync();
  }

  @Override
  public Future<Void> putPorts(String containerId, List<FirewallModel.Port> list) {
    synchronized (lock) {
      if (list.isEmpty()) {
        ports.remove(containerId);
      } else {
        ports.put(containerId, List.copyOf(list));
      }
    }
    return sync();
  }

  /** What the table is generated from now. */
  public FirewallModel.Snapshot snapshot() {
    synchronized (lock) {
      List<FirewallModel.Port> all = new ArrayList<>();
      ports.values().forEach(all::addAll);
      List<FirewallModel.Net> ns = new ArrayList<>(nets.values());
      ns.sort(Comparator.comparing(FirewallModel.Net::bridge));
      return new FirewallModel.Snapshot(ns, all);
    }
  }

  /** How many times the table was applied (for tests and metrics). */
  public long applies() {
    return applies;
  }

  @Override
  public Future<Void> sync() {
    Promise<Void> p = Promise.promise();
    boolean start;
    synchronized (lock) {
      waiting.add(p);
      start = !applying;
      applying = true;
    }
    if (start) {
      applyLoop();
    }
    return p.future();
  }

  private void applyLoop() {
    List<Promise<Void>> batch;
    FirewallModel.Snapshot snap;
    synchronized (lock) {
      batch = waiting;
      waiting = new ArrayList<>();
      snap = snapshot();
    }
    hostOps.<Void>run("nft apply table inet berth", () -> {
      nft.apply(FirewallRules.build(snap));
      applies++;
      return null;
    }).onComplete(ar -> {
      batch.forEach(p -> p.handle(ar));
      boolean again;
      synchronized (lock) {
        again = !waiting.isEmpty();
        applying = again;
      }
      if (again) {
        applyLoop();
      }
    });
  }

  /** Removes the table (for tests and uninstall; the node keeps it while it runs). */
  public void deleteTable() {
    nft.run("add table inet " + FirewallRules.TABLE + "\ndelete table inet " + FirewallRules.TABLE + "\n");
  }

  /** Whether the table exists now (reconciliation). */
  public boolean tablePresent() {
    return nft.listTables().stream().anyMatch(t -> t.equals("inet " + FirewallRules.TABLE));
  }
}
