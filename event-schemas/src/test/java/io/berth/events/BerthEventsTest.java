package io.berth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.LogConfig;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The envelope berth puts around event data, and the JSON shape of records. */
class BerthEventsTest {

  private static final String CREATED = "io.berth.container.created";

  @Test
  void theEnvelopeCarriesIdTimeSchemaAndPartitionKey() {
    CloudEvent e = BerthEvents.create(CREATED, "urn:berth:node:n1:gateway", Samples.CONTAINER,
        Samples.containerCreated());
    assertNotNull(UUID.fromString(e.getId()));
    assertEquals(CREATED, e.getType());
    assertEquals(URI.create("urn:berth:node:n1:gateway"), e.getSource());
    assertEquals("application/json", e.getDataContentType());
    assertEquals(URI.create("urn:berth:schema:io.berth.container.created:v1"), e.getDataSchema());
    assertEquals(Samples.CONTAINER, e.getExtension(BerthEvents.PARTITION_KEY));
    assertTrue(Duration.between(e.getTime(), OffsetDateTime.now()).abs().toSeconds() < 60);
    CloudEvent again = BerthEvents.create(CREATED, "urn:x", Samples.CONTAINER, Samples.containerCreated());
    assertNotEquals(e.getId(), again.getId());
  }

  @Test
  void theKeyIsRequired() {
    assertThrows(IllegalArgumentException.class,
        () -> BerthEvents.create(CREATED, "urn:x", " ", Samples.containerCreated()));
  }

  @Test
  void anEventSurvivesTheStructuredJsonFormat() {
    CloudEvent e = BerthEvents.create(CREATED, "urn:x", Samples.CONTAINER, Samples.containerCreated());
    EventFormat format = new JsonFormat();
    CloudEvent back = format.deserialize(format.serialize(e));
    assertEquals(Samples.containerCreated(), BerthEvents.data(back, ContainerCreated.class));
    assertEquals(Samples.CONTAINER, back.getExtension(BerthEvents.PARTITION_KEY));
  }

  @Test
  void jsonDataFromAProducerBecomesTheRecordWithDefaults() {
    String json = "{\"id\":\"" + Samples.CONTAINER + "\",\"name\":\"c1\",\"node\":\"n1\",\"image\":\"alpine\","
        + "\"createdAt\":\"2026-11-27T18:00:00Z\",\"networkMode\":\"localnet\","
        + "\"mounts\":[{\"type\":\"volume\",\"source\":\"bizvol\",\"target\":\"/vol\"}]}";
    CloudEvent e = BerthEvents.create(CREATED, "urn:x", Samples.CONTAINER, json.getBytes(StandardCharsets.UTF_8));
    ContainerCreated c = BerthEvents.data(e, ContainerCreated.class);
    assertTrue(c.berthCreatesSandbox());
    assertNull(c.stdio());
    assertEquals(LogConfig.NODE_DEFAULT, c.logConfig());
    assertEquals(List.of(), c.networks());
    assertEquals("", c.hostname());
    assertEquals("bizvol", c.mounts().get(0).source());
    assertFalse(c.mounts().get(0).readOnly());
  }

  @Test
  void recordsAreCamelCaseWithEnumsInLowerCaseAndNullsLeftOut() {
    JsonNode json = BerthEvents.mapper().valueToTree(Samples.containerCreated());
    assertEquals("volume", json.at("/mounts/0/type").asText());
    assertEquals("udp", json.at("/portBindings/1/protocol").asText());
    assertEquals("syslog", json.at("/logConfig/type").asText());
    assertFalse(json.has("sandboxKey"));
    assertTrue(json.at("/mounts/1").has("readOnly"));
    assertFalse(json.at("/mounts/2").has("source"));
  }
}
