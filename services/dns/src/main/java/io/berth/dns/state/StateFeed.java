package io.berth.dns.state;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.berth.dns.DnsController;
import io.berth.kit.state.KafkaStateStore;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's resolver in step with the cluster map: every entry any node writes is applied here, so every node
 * answers for every endpoint of a network. Started before the initial load, so nothing written in between is missed
 * (applying twice is harmless).
 */
public final class StateFeed implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String>,
    EntryRemovedListener<String, String>, EntryEvictedListener<String, String> {
  private static final Logger LOG = LoggerFactory.getLogger(StateFeed.class);

  private final KafkaStateStore<DnsState> store;
  private final DnsController dns;
  private UUID registration;

  public StateFeed(KafkaStateStore<DnsState> store, DnsController dns) {
    this.store = store;
    this.dns = dns;
  }

  /** Starts listening, then applies every entry already in the map. Blocks: call off the event loop. */
  public int start() {
    IMap<String, String> map = store.map();
    registration = map.addEntryListener(this, true);
    int n = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      applyJson(e.getKey(), e.getValue());
      n++;
    }
    return n;
  }

  public void stop() {
    if (registration != null) {
      store.map().removeEntryListener(registration);
    }
  }

  @Override
  public void entryAdded(EntryEvent<String, String> event) {
    applyJson(event.getKey(), event.getValue());
  }

  @Override
  public void entryUpdated(EntryEvent<String, String> event) {
    applyJson(event.getKey(), event.getValue());
  }

  @Override
  public void entryRemoved(EntryEvent<String, String> event) {
    dns.forget(event.getKey());
  }

  @Override
  public void entryEvicted(EntryEvent<String, String> event) {
    dns.forget(event.getKey());
  }

  private void applyJson(String key, String json) {
    try {
      dns.apply(store.decode(json));
    } catch (RuntimeException e) {
      LOG.warn("state entry {} ignored: {}", key, e.getMessage());
    }
  }
}
