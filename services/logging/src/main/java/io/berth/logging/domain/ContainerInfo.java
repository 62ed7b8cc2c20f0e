package io.berth.logging.domain;

import java.util.List;
import java.util.Map;

/**
 * What log drivers know about a container (Docker's {@code logger.Info}): identity for tags and GELF/journald fields,
 * labels and environment for {@code labels}/{@code env} options, and whether it has a TTY (raw logs stream).
 */
public record ContainerInfo(String id, String name, String node, String image, String imageId, List<String> command,
                            String createdAt, Map<String, String> labels, List<String> env, boolean tty,
                            SwarmTaskInfo task) {

  public ContainerInfo {
    name = name == null ? "" : name;
    image = image == null ? "" : image;
    imageId = imageId == null ? "" : imageId;
    command = command == null ? List.of() : List.copyOf(command);
    createdAt = createdAt == null ? "" : createdAt;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    env = env == null ? List.of() : List.copyOf(env);
  }

  /** The first 12 characters of the id, Docker's short id. */
  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /** Command and arguments joined by spaces (GELF {@code _command}). */
  public String commandLine() {
    return String.join(" ", command);
  }
}
