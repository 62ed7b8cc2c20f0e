package io.berth.kit.events;

import io.vertx.core.Future;

/** A running consumer of one topic in one consumer group. */
public interface Subscription {

  String topic();

  String group();

  /**
   * Stops consuming: lets the handlers in hand finish (for up to 10 s), commits what was handled and
   * leaves the group. Close subscriptions before their Vert.x instance.
   */
  Future<Void> close();
}
