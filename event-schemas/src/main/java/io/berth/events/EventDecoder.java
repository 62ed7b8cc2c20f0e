package io.berth.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns the data of a CloudEvent of any accepted version into the record of the current version.
 *
 * <p>The data is validated against the schema of the version its {@code dataschema} names; then each upcaster
 * from that version on rewrites it one version up. A version without an upcaster decodes as it is, which is
 * right when the record reads both shapes (e.g. a field that became required).
 */
final class EventDecoder {

  private final Function<String, Optional<EventType>> types;
  private final Map<String, Map<Integer, UnaryOperator<ObjectNode>>> upcasters;
  private final ObjectMapper mapper;

  /**
   * @param types      finds an event type by name
   * @param upcasters  by type, then by the version they read: rewrites data of version N to N + 1
   * @param mapper     reads records, ignoring unknown properties
   */
  EventDecoder(Function<String, Optional<EventType>> types,
               Map<String, Map<Integer, UnaryOperator<ObjectNode>>> upcasters, ObjectMapper mapper) {
    this.types = types;
    this.upcasters = upcasters;
    this.mapper = mapper;
  }

  <T extends Record> T decode(CloudEvent event, Class<T> recordType) {
    EventType type = types.apply(event.getType())
        .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.getType()));
    if (type.dataClass() != recordType) {
      throw new IllegalArgumentException(type.type() + " carries " + type.dataClass().getSimpleName()
          + ", not " + recordType.getSimpleName());
    }
    int version = type.versionOf(event.getDataSchema());
    if (!type.acceptedVersions().contains(version)) {
      throw new IllegalArgumentException(type.type() + " v" + version + " is not accepted (accepted: "
          + type.acceptedVersions() + ")");
    }
    JsonNode node = read(event);
    List<String> errors = EventSchemas.validate(type, version, node);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(type.type() + " v" + version + " data is invalid: " + errors);
    }
    for (int v = version; v < type.version(); v++) {
      UnaryOperator<ObjectNode> up = upcasters.getOrDefault(type.type(), Map.of()).get(v);
      if (up != null) {
        node = up.apply(((ObjectNode) node).deepCopy());
      }
    }
    try {
      return mapper.treeToValue(node, recordType);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(type.type() + " data does not decode to "
          + recordType.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private JsonNode read(CloudEvent event) {
    CloudEventData data = event.getData();
    if (data == null) {
      throw new IllegalArgumentException(event.getType() + " event " + event.getId() + " has no data");
    }
    try {
      return mapper.readTree(data.toBytes());
    } catch (IOException e) {
      throw new IllegalArgumentException(event.getType() + " event " + event.getId() + " data is not JSON", e);
    }
  }
}
