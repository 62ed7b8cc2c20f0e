package io.berth.events;

/**
 * Event data about one node's resources: the node named here does the host work for it, and the other nodes' services
 * leave it alone. Every schema of such data requires {@code node}.
 */
public interface NodeScoped {

  /** The node (host) the event is about. */
  String node();
}
