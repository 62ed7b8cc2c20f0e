package io.berth.kit.kafka;

/** The embedded Kafka broker could not be formatted or started; the node cannot run without it. */
public final class KafkaStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KafkaStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
