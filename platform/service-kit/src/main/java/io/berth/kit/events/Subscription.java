package io.berth.kit.events;

import io.vertx.core.Future;

/** A running consumer of one topic in one consumer group. */
public interface Subscription {

  String topic();

  String group();

  /** Stops consuming after the record in hand, commits what was handled and leaves the group. */
  Future<Void> close();
}
