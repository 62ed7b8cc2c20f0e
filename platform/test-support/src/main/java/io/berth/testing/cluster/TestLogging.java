package io.berth.testing.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the broker's and Hazelcast's logs at warnings in tests (logback's default is DEBUG for everything). */
public final class TestLogging {
  private TestLogging() {}

  public static void quiet() {
    level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.INFO);
    for (String noisy : new String[] {"org.apache.kafka", "kafka", "state.change.logger", "com.hazelcast"}) {
      level(noisy, Level.WARN);
    }
  }

  private static void level(String name, Level level) {
    if (LoggerFactory.getLogger(name) instanceof Logger logger) {
      logger.setLevel(level);
    }
  }
}
