package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.EventCatalog;
import io.berth.events.EventType;
import io.berth.testing.node.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Services name event types only through the catalog's typed constants (or the record's class), never as string
 * literals: a literal survives a rename and silently stops matching.
 */
class EventVocabularyTest {

  private static final Pattern LITERAL = Pattern.compile("\"(io\\.berth\\.[a-z.]+)\"");

  @Test
  void noServiceSpellsAnEventTypeInItsMainCode() throws IOException {
    Set<String> types = Stream.concat(EventCatalog.all().stream(), EventCatalog.renamed().stream())
        .map(EventType::type).collect(Collectors.toSet());
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Repo.root().resolve("services"))) {
      sources = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/")).toList();
    }
    assertTrue(sources.size() > 50, "found the services' sources: " + sources.size());
    List<String> found = new ArrayList<>();
    for (Path p : sources) {
      String text = read(p);
      Matcher m = LITERAL.matcher(text);
      while (m.find()) {
        if (types.contains(m.group(1))) {
          found.add(Repo.root().relativize(p) + ": " + m.group(1));
        }
      }
    }
    assertEquals(List.of(), found, "use EventCatalog's constants or an EventRouter route");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
