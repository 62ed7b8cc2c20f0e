package io.berth.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * Validates event data against the JSON Schemas of the {@link EventCatalog}.
 *
 * <p>The schemas leave additional properties open: a producer may already send an optional field a consumer's
 * copy of the schema does not list (the version rule).
 */
public final class EventSchemas {

  private static final SchemaCache CACHE = new SchemaCache(EventSchemas.class.getClassLoader());

  private EventSchemas() {
  }

  /**
   * The violations of {@code jsonData} against the current version of {@code type}'s schema.
   *
   * @return empty when valid; otherwise one message per violation, each starting with the JSON path
   *     ({@code $.networks[0].aliases: ...})
   * @throws IllegalArgumentException when {@code type} is not in the catalog
   */
  public static List<String> validate(String type, byte[] jsonData) {
    EventType eventType = EventCatalog.require(type);
    return validate(eventType, eventType.version(), jsonData);
  }

  /**
   * The violations of {@code jsonData} against version {@code version} of {@code type}'s schema.
   *
   * @throws IllegalArgumentException when {@code version} is not one {@code type} accepts
   */
  public static List<String> validate(EventType type, int version, byte[] jsonData) {
    JsonNode node;
    try {
      node = BerthEvents.mapper().readTree(jsonData);
    } catch (JsonProcessingException e) {
      return List.of("$: not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return List.of("$: unreadable: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      return List.of("$: no data");
    }
    return validate(type, version, node);
  }

  static List<String> validate(EventType type, int version, JsonNode node) {
    return CACHE.validate(type.schemaResource(version), node);
  }
}
