package io.berth.kit.events;

import io.cloudevents.CloudEvent;

/** Chooses the topic an event is published to. */
@FunctionalInterface
public interface TopicResolver {

  String topicFor(CloudEvent event);

  /**
   * berth's convention: type {@code io.berth.<domain>.<entity>.<verb>} goes to {@code berth.<domain>.events}.
   */
  static TopicResolver byDomain() {
    return event -> {
      String type = event.getType();
      String prefix = "io.berth.";
      if (!type.startsWith(prefix)) {
        throw new IllegalArgumentException("event type " + type + " is not io.berth.<domain>.*");
      }
      int end = type.indexOf('.', prefix.length());
      String domain = end < 0 ? type.substring(prefix.length()) : type.substring(prefix.length(), end);
      return "berth." + domain + ".events";
    };
  }
}
