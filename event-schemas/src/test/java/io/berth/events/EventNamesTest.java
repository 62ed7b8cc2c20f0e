package io.berth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.logging.LoggingAttached;
import io.berth.events.service.TaskStarted;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Type names follow one rule, every type has a typed constant, and renamed types stay readable. */
class EventNamesTest {

  private static final Pattern NAME = Pattern.compile("io\\.berth\\.[a-z]+(\\.[a-z]+)?\\.[a-z]+");

  @Test
  void everyTypePublishedNowIsDomainEntityVerbOrDomainVerb() {
    for (EventType t : EventCatalog.all()) {
      assertTrue(NAME.matcher(t.type()).matches(), t.type());
    }
  }

  @Test
  void everyTypeHasAConstantAndEveryConstantIsCatalogued() throws IllegalAccessException {
    Set<EventType> constants = new HashSet<>();
    for (Field f : EventCatalog.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == EventType.class) {
        constants.add((EventType) f.get(null));
      }
    }
    assertEquals(Set.copyOf(EventCatalog.all()), constants);
  }

  @Test
  void theTypeOfARecordIsFoundFromItsClass() {
    Record data = Samples.of(EventCatalog.LOGGING_ATTACHED.type());
    CloudEvent e = BerthEvents.create("urn:x", Samples.CONTAINER, data);
    assertEquals("io.berth.logging.container.attached", e.getType());
    assertEquals(data, BerthEvents.data(e, LoggingAttached.class));
  }

  @Test
  void eventsUnderTheirOldNamesStillDecodeToTheSameRecord() {
    assertFalse(EventCatalog.renamed().isEmpty());
    for (EventType old : EventCatalog.renamed()) {
      EventType now = EventCatalog.renamedTo(old.type()).orElseThrow();
      assertEquals(now.dataClass(), old.dataClass());
      assertFalse(EventCatalog.all().contains(old), old.type() + " is no longer published");
      Record data = Samples.of(now.type());
      CloudEvent e = CloudEventBuilder.v1().withId("1").withType(old.type()).withSource(URI.create("urn:x"))
          .withDataContentType(BerthEvents.JSON).withDataSchema(URI.create(old.dataSchema()))
          .withData(BerthEvents.toJson(data)).build();
      assertEquals(data, BerthEvents.data(e, now.dataClass()));
    }
    assertEquals(EventCatalog.TASK_STARTED, EventCatalog.renamedTo("io.berth.task.started").orElseThrow());
    assertEquals(TaskStarted.class, EventCatalog.require("io.berth.task.started").dataClass());
  }

  @Test
  void recordsThatNameANodeAreNodeScoped() {
    for (EventType t : EventCatalog.all()) {
      boolean hasNode = java.util.Arrays.stream(t.dataClass().getRecordComponents())
          .anyMatch(c -> c.getName().equals("node"));
      assertEquals(hasNode, NodeScoped.class.isAssignableFrom(t.dataClass()), t.type());
    }
  }
}
