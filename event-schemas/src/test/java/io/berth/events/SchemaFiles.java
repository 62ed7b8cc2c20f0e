package io.berth.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The schema files on the classpath under {@code schemas/}, as resource names. */
final class SchemaFiles {

  private SchemaFiles() {
  }

  static List<String> all() {
    URL root = SchemaFiles.class.getClassLoader().getResource("schemas");
    if (root == null) {
      throw new AssertionError("no schemas/ on the classpath");
    }
    try {
      Path dir = Path.of(root.toURI());
      try (Stream<Path> files = Files.walk(dir)) {
        return files.filter(Files::isRegularFile)
            .map(p -> "schemas/" + dir.relativize(p).toString().replace('\\', '/'))
            .sorted()
            .toList();
      }
    } catch (URISyntaxException | IOException e) {
      throw new AssertionError("cannot list " + root, e);
    }
  }

  static JsonNode read(String resource) {
    try (InputStream in = SchemaFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError(resource + " is not on the classpath");
      }
      return BerthEvents.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
