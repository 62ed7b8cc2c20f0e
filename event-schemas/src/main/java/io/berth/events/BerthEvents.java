package io.berth.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds and reads berth's CloudEvents: JSON data, a {@code dataschema} naming type and version, and the
 * {@code partitionkey} extension carrying the entity id that becomes the Kafka record key (so one entity's
 * events stay ordered).
 */
public final class BerthEvents {

  /** The CloudEvents partitioning extension; the Kafka binding uses it as the record key. */
  public static final String PARTITION_KEY = "partitionkey";
  public static final String JSON = "application/json";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private static final EventDecoder DECODER = new EventDecoder(EventCatalog::find, Upcasters.ALL, MAPPER);

  private BerthEvents() {
  }

  /**
   * A new event of {@code type} with {@code data}: id a random UUID, time now, content type
   * {@code application/json}, {@code dataschema} {@code urn:berth:schema:<type>:v<version>}, extension
   * {@code partitionkey} = {@code key}.
   *
   * @param source a URI reference naming the producer, e.g. {@code urn:berth:node:n1:network}
   * @param key    the id of the entity the event is about
   * @throws IllegalArgumentException when the type is unknown, {@code data} is not its record, or the data
   *                                  breaks the schema (the message lists every violation)
   */
  public static CloudEvent create(String type, String source, String key, Record data) {
    return create(EventCatalog.require(type), source, key, data);
  }

  /**
   * A new event of the type whose record {@code data} is, as {@link #create(String, String, String, Record)}.
   *
   * @throws IllegalArgumentException when no event type carries {@code data}'s record, or the data breaks the schema
   */
  public static CloudEvent create(String source, String key, Record data) {
    Objects.requireNonNull(data, "data");
    EventType type = EventCatalog.forDataClass(data.getClass()).orElseThrow(() ->
        new IllegalArgumentException("no event type carries " + data.getClass().getSimpleName()));
    return create(type, source, key, toJson(data));
  }

  /** A new event of {@code eventType} with {@code data}, as {@link #create(String, String, String, Record)}. */
  public static CloudEvent create(EventType eventType, String source, String key, Record data) {
    String type = eventType.type();
    Objects.requireNonNull(data, "data");
    if (data.getClass() != eventType.dataClass()) {
      throw new IllegalArgumentException(type + " carries " + eventType.dataClass().getSimpleName() + ", not "
          + data.getClass().getSimpleName());
    }
    return create(eventType, source, key, toJson(data));
  }

  /**
   * A new event of {@code type} with JSON {@code jsonData}, as {@link #create(String, String, String, Record)},
   * after validating the data against the current schema.
   *
   * @throws IllegalArgumentException when the type is unknown or the data breaks the schema
   */
  public static CloudEvent create(String type, String source, String key, byte[] jsonData) {
    return create(EventCatalog.require(type), source, key, jsonData);
  }

  /**
   * The data of {@code event} as {@code type}, accepting every version the catalog lists for the event's type
   * (unknown properties ignored).
   *
   * @throws IllegalArgumentException when the event's type is unknown or carries another record, its version
   *                                  is not accepted, or its data breaks that version's schema
   */
  public static <T extends Record> T data(CloudEvent event, Class<T> type) {
    return DECODER.decode(event, type);
  }

  /** {@code record} as JSON bytes: camelCase, {@code null} fields left out. */
  public static byte[] toJson(Object record) {
    try {
      return MAPPER.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + record.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * The shared mapper for event data: ignores unknown properties on read and leaves {@code null} out on write.
   * Shared and thread-safe; do not reconfigure it ({@code mapper().copy()} for a variant).
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static CloudEvent create(EventType type, String source, String key, byte[] jsonData) {
    Objects.requireNonNull(source, "source");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(type.type() + ": the key (entity id) is required");
    }
    List<String> errors = EventSchemas.validate(type, type.version(), jsonData);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(type.type() + " data is invalid: " + String.join("; ", errors));
    }
    return CloudEventBuilder.v1()
        .withId(UUID.randomUUID().toString())
        .withType(type.type())
        .withSource(URI.create(source))
        .withTime(OffsetDateTime.now(ZoneOffset.UTC))
        .withDataContentType(JSON)
        .withDataSchema(URI.create(type.dataSchema()))
        .withExtension(PARTITION_KEY, key)
        .withData(jsonData)
        .build();
  }
}
