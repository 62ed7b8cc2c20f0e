package io.berth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.Topics.TopicSpec;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void namesAreUniqueAndFollowTheConvention() {
    assertEquals(Topics.all().size(), Topics.all().stream().map(TopicSpec::name).distinct().count());
    for (TopicSpec t : Topics.all()) {
      assertTrue(t.name().matches("berth\\.[a-z]+(\\.(events|state|ingest))?"), t.name());
      assertEquals(t.name().endsWith(".state"), t.compacted(), t.name());
    }
  }

  @Test
  void logLinesAndStateAreNotCloudEventTopics() {
    assertTrue(Topics.all().stream().anyMatch(t -> t.name().equals(Topics.LOGS_INGEST)));
    assertFalse(Topics.cloudEventTopics().stream().anyMatch(t -> t.name().equals(Topics.LOGS_INGEST)));
    assertTrue(Topics.cloudEventTopics().stream().noneMatch(TopicSpec::compacted));
    assertTrue(Topics.cloudEventTopics().stream().anyMatch(t -> t.name().equals(Topics.DEADLETTER)));
  }

  @Test
  void everyEventTopicCarriesCatalogTypesExceptTheDeadLetters() {
    for (TopicSpec t : Topics.cloudEventTopics()) {
      boolean used = EventCatalog.all().stream().anyMatch(e -> e.topic().equals(t.name()));
      assertEquals(!t.name().equals(Topics.DEADLETTER), used, t.name());
    }
  }
}
