package io.berth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract between the catalog, the JSON Schemas and the records. */
class EventContractTest {

  static Stream<EventType> types() {
    return EventCatalog.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void everyCatalogEntryHasItsSchemaAndARecord(EventType type) {
    assertTrue(type.type().matches("io\\.berth\\.[a-z]+(\\.[a-z]+)?\\.[a-z]+"), type.type());
    assertTrue(type.dataClass().isRecord(), type.dataClass() + " is a record");
    assertTrue(Topics.cloudEventTopics().stream().anyMatch(t -> t.name().equals(type.topic())),
        type.topic() + " is a CloudEvents topic of the catalog");
    for (int version : type.acceptedVersions()) {
      JsonNode schema = SchemaFiles.read(type.schemaResource(version));
      assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
      assertEquals(type.dataSchema(version), schema.path("$id").asText());
      assertEquals(version, schema.path("x-berth-version").asInt());
      assertEquals(type.type(), schema.path("x-berth-type").asText());
      assertEquals(type.topic(), schema.path("x-berth-topic").asText());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void theSampleRecordSerializesToSchemaValidJson(EventType type) {
    Record sample = Samples.of(type.type());
    assertInstanceOf(type.dataClass(), sample);
    byte[] json = BerthEvents.toJson(sample);
    assertEquals(List.of(), EventSchemas.validate(type.type(), json), new String(json));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void recordComponentsAndSchemaPropertiesAreTheSame(EventType type) {
    JsonNode schema = SchemaFiles.read(type.schemaResource());
    Set<String> properties = new TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    Set<String> components = Arrays.stream(type.dataClass().getRecordComponents())
        .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(properties, components, type.type());
    schema.path("required").forEach(r -> assertTrue(properties.contains(r.asText()), "required " + r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void recordToCloudEventToRecord(EventType type) {
    Record sample = Samples.of(type.type());
    var event = BerthEvents.create(type.type(), "urn:berth:test", "key-1", sample);
    assertEquals(sample, BerthEvents.data(event, type.dataClass()));
  }

  @Test
  void everySchemaFileOnTheClasspathIsInTheCatalog() {
    List<String> files = SchemaFiles.all();
    Set<String> catalogued = java.util.stream.Stream.concat(EventCatalog.all().stream(),
            EventCatalog.renamed().stream())
        .flatMap(t -> t.acceptedVersions().stream().map(t::schemaResource))
        .collect(Collectors.toSet());
    for (String file : files) {
      assertTrue(catalogued.contains(file), file + " has no catalog entry");
    }
    assertEquals(catalogued.size(), files.size(), "every catalogued schema is a file");
  }

  @Test
  void typesAndRecordsAreOneToOne() {
    List<EventType> all = EventCatalog.all();
    assertEquals(all.size(), all.stream().map(EventType::type).distinct().count());
    assertEquals(all.size(), all.stream().map(EventType::dataClass).distinct().count());
    all.forEach(t -> assertEquals(t, EventCatalog.forDataClass(t.dataClass()).orElseThrow()));
  }

  /** Schemas are self-contained for producers in any language; a definition they share must not drift. */
  @Test
  void definitionsOfTheSameNameAreIdenticalInEverySchema() {
    Map<String, JsonNode> seen = new HashMap<>();
    Map<String, String> where = new HashMap<>();
    for (String file : SchemaFiles.all()) {
      SchemaFiles.read(file).path("$defs").fields().forEachRemaining(def -> {
        JsonNode earlier = seen.putIfAbsent(def.getKey(), def.getValue());
        where.putIfAbsent(def.getKey(), file);
        if (earlier != null) {
          assertEquals(earlier, def.getValue(),
              "$defs/" + def.getKey() + " differs between " + where.get(def.getKey()) + " and " + file);
        }
      });
    }
    assertFalse(seen.isEmpty());
  }
}
