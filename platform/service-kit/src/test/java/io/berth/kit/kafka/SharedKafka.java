package io.berth.kit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded broker for the whole test JVM (starting one costs about two seconds), stopped and deleted
 * when the JVM exits. Tests keep apart by using topics and groups of their own. Other modules use
 * io.berth.testing.cluster.SharedKafka; the kit keeps this copy because test-support depends on the kit.
 */
public final class SharedKafka {

  private static EmbeddedKafka broker;

  private SharedKafka() {
  }

  public static synchronized String bootstrapServers() {
    if (broker == null) {
      TestLogging.quiet();
      Path dir = tempDir("berth-kafka-shared");
      broker = EmbeddedKafka.start(dir, "127.0.0.1", 0);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        broker.close();
        delete(dir);
      }));
    }
    return broker.bootstrapServers();
  }

  /** Settings for the shared broker with the given partitions per topic. */
  public static KafkaSettings settings(int partitions) {
    return new KafkaSettings(bootstrapServers(), partitions, (short) 1, "test");
  }

  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
