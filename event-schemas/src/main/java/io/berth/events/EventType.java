package io.berth.events;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One CloudEvent type berth knows.
 *
 * <p>Version rule: optional fields may be added within a version; any other change (a field removed, renamed,
 * retyped or made required, an enum value added) is a new version. Producers publish {@link #version()};
 * consumers accept every one of {@link #acceptedVersions()}.
 *
 * @param type             the CloudEvents {@code type}, {@code io.berth.<domain>[.<entity>].<past-tense-verb>}
 * @param topic            the topic events of this type are published to
 * @param version          the version producers publish now
 * @param acceptedVersions every version consumers still decode, including {@code version}
 * @param dataClass        the record the data decodes to
 * @param schemaResource   the classpath resource of the JSON Schema of {@code version}
 */
public record EventType(String type, String topic, int version, List<Integer> acceptedVersions,
                        Class<? extends Record> dataClass, String schemaResource) {

  private static final String SCHEMA_URN = "urn:berth:schema:";

  public EventType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(dataClass, "dataClass");
    Objects.requireNonNull(schemaResource, "schemaResource");
    acceptedVersions = List.copyOf(acceptedVersions);
    if (!acceptedVersions.contains(version)) {
      throw new IllegalArgumentException(type + ": accepted versions " + acceptedVersions + " lack v" + version);
    }
  }

  /** The CloudEvents {@code dataschema} of {@code version}: {@code urn:berth:schema:<type>:v<version>}. */
  public String dataSchema(int version) {
    return SCHEMA_URN + type + ":v" + version;
  }

  /** The {@code dataschema} producers put on events of this type now. */
  public String dataSchema() {
    return dataSchema(version);
  }

  /**
   * The schema resource of an accepted version: {@link #schemaResource()} for the current one; an older version
   * keeps its file beside it as {@code <name>.v<N>.json}.
   */
  public String schemaResource(int acceptedVersion) {
    if (!acceptedVersions.contains(acceptedVersion)) {
      throw new IllegalArgumentException(type + " v" + acceptedVersion + " is not accepted (accepted: "
          + acceptedVersions + ")");
    }
    if (acceptedVersion == version) {
      return schemaResource;
    }
    return schemaResource.replaceFirst("\\.json$", ".v" + acceptedVersion + ".json");
  }

  /**
   * The version a {@code dataschema} names, or the current version when there is none (a producer that omits
   * it publishes the current version).
   *
   * @throws IllegalArgumentException when it names another type or is not a berth schema URN
   */
  public int versionOf(URI dataSchema) {
    if (dataSchema == null) {
      return version;
    }
    String prefix = SCHEMA_URN + type + ":v";
    String s = dataSchema.toString();
    if (!s.startsWith(prefix)) {
      throw new IllegalArgumentException("dataschema " + s + " is not a schema of " + type);
    }
    try {
      return Integer.parseInt(s.substring(prefix.length()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("dataschema " + s + " has no version number", e);
    }
  }
}
