package io.berth.logging.driver.splunk;

import io.berth.logging.domain.GoDuration;
import io.berth.logging.remote.Batching;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon-wide batching settings of Docker's splunk driver, read from the node's environment as dockerd reads its
 * own: {@code SPLUNK_LOGGING_DRIVER_POST_MESSAGES_FREQUENCY} (Go duration, default 5s),
 * {@code SPLUNK_LOGGING_DRIVER_POST_MESSAGES_BATCH_SIZE} (1000), {@code SPLUNK_LOGGING_DRIVER_BUFFER_MAX} (10000) and
 * {@code SPLUNK_LOGGING_DRIVER_CHANNEL_SIZE} (4000). A value that does not parse is logged and the default used, as
 * Docker does.
 *
 * <p>Frequency and batch size shape the sender: a batch is posted when it holds batch-size messages or when its first
 * message has waited the frequency. Docker's buffer maximum and channel size bound its in-memory queues, past which it
 * drops messages while Splunk is unreachable; berth's write-ahead disk spool (bounded by {@code spool-max-size})
 * takes their place, so they are read and reported but drop nothing.
 */
public record SplunkBatching(long frequencyMillis, int batchSize, int bufferMax, int channelSize) {
  private static final Logger LOG = LoggerFactory.getLogger(SplunkBatching.class);
  static final String FREQUENCY = "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_FREQUENCY";
  static final String BATCH_SIZE = "SPLUNK_LOGGING_DRIVER_POST_MESSAGES_BATCH_SIZE";
  static final String BUFFER_MAX = "SPLUNK_LOGGING_DRIVER_BUFFER_MAX";
  static final String CHANNEL_SIZE = "SPLUNK_LOGGING_DRIVER_CHANNEL_SIZE";

  public static final SplunkBatching DEFAULTS = new SplunkBatching(5_000, 1000, 10 * 1000, 4 * 1000);

  public static SplunkBatching from(Map<String, String> env) {
    long frequency = DEFAULTS.frequencyMillis;
    String f = env.get(FREQUENCY);
    if (f != null) {
      try {
        frequency = GoDuration.parseNanos(f) / 1_000_000;
      } catch (IllegalArgumentException e) {
        LOG.error("Failed to parse value of {} as duration. Using default {}s. {}", FREQUENCY,
            DEFAULTS.frequencyMillis / 1000, e.getMessage());
      }
    }
    return new SplunkBatching(Math.max(0, frequency), integer(env, BATCH_SIZE, DEFAULTS.batchSize),
        integer(env, BUFFER_MAX, DEFAULTS.bufferMax), integer(env, CHANNEL_SIZE, DEFAULTS.channelSize));
  }

  private static int integer(Map<String, String> env, String key, int fallback) {
    String v = env.get(key);
    if (v == null) return fallback;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      LOG.error("Failed to parse value of {} as integer. Using default {}. {}", key, fallback, e.getMessage());
      return fallback;
    }
  }

  /** The sender's batching: batch size (at least 1) and post frequency. */
  public Batching sender() {
    return new Batching(Math.max(1, batchSize), frequencyMillis);
  }
}
