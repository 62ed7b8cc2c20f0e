package io.berth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.events.container.ContainerStopped;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Consumers accept every listed version of a type and nothing else. */
class EventVersionsTest {

  /** A type at version 2 that renamed {@code name} to {@code displayName}, still accepting version 1. */
  record ThingRenamed(String id, String displayName) {
  }

  private static final EventType THING = new EventType("io.berth.test.thing.renamed", "berth.test.events", 2,
      List.of(1, 2), ThingRenamed.class, "test-schemas/test/thing.renamed.json");

  private static final UnaryOperator<ObjectNode> V1_TO_V2 = n -> {
    n.set("displayName", n.remove("name"));
    return n;
  };

  private static final EventDecoder DECODER = new EventDecoder(
      t -> t.equals(THING.type()) ? Optional.of(THING) : Optional.empty(),
      Map.of(THING.type(), Map.of(1, V1_TO_V2)), BerthEvents.mapper());

  private static CloudEvent event(String type, String dataSchema, String json) {
    CloudEventBuilder b = CloudEventBuilder.v1().withId("1").withSource(URI.create("urn:test")).withType(type)
        .withDataContentType(BerthEvents.JSON).withData(json.getBytes(StandardCharsets.UTF_8));
    if (dataSchema != null) {
      b.withDataSchema(URI.create(dataSchema));
    }
    return b.build();
  }

  @Test
  void anOlderAcceptedVersionIsValidatedByItsOwnSchemaThenUpcast() {
    CloudEvent v1 = event(THING.type(), THING.dataSchema(1), "{\"id\":\"t1\",\"name\":\"old\"}");
    assertEquals(new ThingRenamed("t1", "old"), DECODER.decode(v1, ThingRenamed.class));
  }

  @Test
  void theCurrentVersionDecodesAsItIs() {
    CloudEvent v2 = event(THING.type(), THING.dataSchema(2), "{\"id\":\"t1\",\"displayName\":\"new\"}");
    assertEquals(new ThingRenamed("t1", "new"), DECODER.decode(v2, ThingRenamed.class));
  }

  @Test
  void dataOfOneVersionInTheShapeOfAnotherIsRejected() {
    CloudEvent v1Labelled = event(THING.type(), THING.dataSchema(1), "{\"id\":\"t1\",\"displayName\":\"new\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DECODER.decode(v1Labelled, ThingRenamed.class));
    assertTrue(e.getMessage().contains("name"), e.getMessage());
  }

  @Test
  void anUnlistedVersionIsRejected() {
    CloudEvent v3 = event(THING.type(), THING.dataSchema(3), "{\"id\":\"t1\",\"displayName\":\"new\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DECODER.decode(v3, ThingRenamed.class));
    assertTrue(e.getMessage().contains("v3 is not accepted"), e.getMessage());
  }

  @Test
  void anEventWithoutDataschemaIsTheCurrentVersion() {
    CloudEvent none = event(THING.type(), null, "{\"id\":\"t1\",\"displayName\":\"new\"}");
    assertEquals(new ThingRenamed("t1", "new"), DECODER.decode(none, ThingRenamed.class));
  }

  @Test
  void aDataschemaOfAnotherTypeIsRejected() {
    CloudEvent other = event(THING.type(), "urn:berth:schema:io.berth.container.stopped:v1", "{}");
    assertThrows(IllegalArgumentException.class, () -> DECODER.decode(other, ThingRenamed.class));
  }

  @Test
  void catalogTypesAcceptVersionOneAndIgnoreFieldsAddedLater() {
    String json = "{\"id\":\"" + Samples.CONTAINER + "\",\"node\":\"n1\",\"exitCode\":0,\"oomKilled\":true}";
    CloudEvent e = event("io.berth.container.stopped", "urn:berth:schema:io.berth.container.stopped:v1", json);
    assertEquals(new ContainerStopped(Samples.CONTAINER, "n1", 0), BerthEvents.data(e, ContainerStopped.class));
    CloudEvent v2 = event("io.berth.container.stopped", "urn:berth:schema:io.berth.container.stopped:v2", json);
    assertThrows(IllegalArgumentException.class, () -> BerthEvents.data(v2, ContainerStopped.class));
  }

  @Test
  void dataRefusesTheWrongRecordClassAndUnknownTypes() {
    CloudEvent stopped = BerthEvents.create("io.berth.container.stopped", "urn:test", Samples.CONTAINER,
        Samples.of("io.berth.container.stopped"));
    assertThrows(IllegalArgumentException.class,
        () -> BerthEvents.data(stopped, io.berth.events.container.ContainerStarted.class));
    CloudEvent unknown = event("io.berth.nope.happened", null, "{}");
    assertThrows(IllegalArgumentException.class, () -> BerthEvents.data(unknown, ContainerStopped.class));
  }

  @Test
  void theCurrentVersionMustBeAccepted() {
    assertThrows(IllegalArgumentException.class, () -> new EventType("io.berth.test.x.done", "t", 2, List.of(1),
        ThingRenamed.class, "x.json"));
  }

  @Test
  void olderSchemasLiveBesideTheCurrentOne() {
    assertEquals("test-schemas/test/thing.renamed.v1.json", THING.schemaResource(1));
    assertEquals("test-schemas/test/thing.renamed.json", THING.schemaResource(2));
    assertThrows(IllegalArgumentException.class, () -> THING.schemaResource(3));
  }
}
