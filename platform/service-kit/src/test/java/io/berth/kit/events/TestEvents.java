package io.berth.kit.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Events shaped like berth's: JSON data, the entity id as partition key. */
final class TestEvents {

  static final URI SOURCE = URI.create("urn:berth:test");

  private TestEvents() {
  }

  static CloudEvent event(String key, String json) {
    return event(UUID.randomUUID().toString(), key, json);
  }

  static CloudEvent event(String id, String key, String json) {
    return CloudEventBuilder.v1()
        .withId(id)
        .withSource(SOURCE)
        .withType("io.berth.test.thing.changed")
        .withExtension("partitionkey", key)
        .withData("application/json", json.getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
