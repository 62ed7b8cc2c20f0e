package io.berth.kit.events;

/** A transient failure of an event handler; see {@link Retriable}. */
public class RetriableException extends RuntimeException implements Retriable {
  private static final long serialVersionUID = 1L;

  public RetriableException(String message) {
    super(message);
  }

  public RetriableException(String message, Throwable cause) {
    super(message, cause);
  }
}
