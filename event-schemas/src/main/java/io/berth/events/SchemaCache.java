package io.berth.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Compiled JSON Schemas (draft 2020-12) by classpath resource, loaded once. */
final class SchemaCache {

  // berth's annotations (x-berth-version, -type, -topic) are declared so the validator neither rejects nor warns.
  private static final JsonMetaSchema META = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
      .keyword(new NonValidationKeyword("x-berth-version"))
      .keyword(new NonValidationKeyword("x-berth-type"))
      .keyword(new NonValidationKeyword("x-berth-topic"))
      .build();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      builder -> builder.metaSchema(META).defaultMetaSchemaIri(META.getIri()));

  // Formats (date-time, ipv4, ...) are only annotations in 2020-12 unless asserted; berth's contract means them.
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .formatAssertionsEnabled(true)
      .pathType(PathType.JSON_PATH)
      .build();

  private final ClassLoader loader;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  SchemaCache(ClassLoader loader) {
    this.loader = loader;
  }

  /** The schema at {@code resource}; {@link IllegalStateException} if it is missing or not JSON. */
  JsonSchema schema(String resource) {
    return schemas.computeIfAbsent(resource, this::load);
  }

  /** The violations of {@code instance}, each naming its JSON path, sorted by path; empty when valid. */
  List<String> validate(String resource, JsonNode instance) {
    return schema(resource).validate(instance).stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
            .thenComparing(ValidationMessage::getMessage))
        .map(ValidationMessage::getMessage)
        .toList();
  }

  private JsonSchema load(String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema " + resource + " is not on the classpath");
      }
      return FACTORY.getSchema(BerthEvents.mapper().readTree(in), CONFIG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }
}
