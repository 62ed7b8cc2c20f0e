package io.berth.kit.errors;

/**
 * The one family of errors a berth service reports to its clients. Each kind carries its HTTP status, so the API maps
 * an error to Docker's {@code {"message": ...}} reply without string matching (libnetwork's typed errors do the same).
 */
public sealed abstract class BerthException extends RuntimeException
    permits BerthException.InvalidRequest, BerthException.Forbidden, BerthException.NotFound, BerthException.Conflict,
            BerthException.Unavailable, BerthException.Internal {

  protected BerthException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The HTTP status Docker answers with for this kind of error. */
  public abstract int status();

  /** Bad input from the client: 400. Nothing was changed. */
  public static final class InvalidRequest extends BerthException {
    public InvalidRequest(String message) { super(message, null); }
    public InvalidRequest(String message, Throwable cause) { super(message, cause); }
    @Override public int status() { return 400; }
  }

  /** The operation is never allowed on this resource (a predefined network, an endpoint already there): 403. */
  public static final class Forbidden extends BerthException {
    public Forbidden(String message) { super(message, null); }
    @Override public int status() { return 403; }
  }

  /** The named resource does not exist: 404. */
  public static final class NotFound extends BerthException {
    public NotFound(String message) { super(message, null); }
    @Override public int status() { return 404; }
  }

  /** The request collides with the current state (name taken, resource in use): 409. */
  public static final class Conflict extends BerthException {
    public Conflict(String message) { super(message, null); }
    @Override public int status() { return 409; }
  }

  /**
   * A dependency (Kafka, Hazelcast, an owning service) cannot be reached now: 503. An event handler failing with it
   * is retried rather than dead-lettered.
   */
  public static final class Unavailable extends BerthException implements io.berth.kit.events.Retriable {
    public Unavailable(String message) { super(message, null); }
    public Unavailable(String message, Throwable cause) { super(message, cause); }
    @Override public int status() { return 503; }
  }

  /** Something failed on berth's side (a host operation, a bug): 500, with the reason but never a stack trace. */
  public static final class Internal extends BerthException {
    public Internal(String message) { super(message, null); }
    public Internal(String message, Throwable cause) { super(message, cause); }
    @Override public int status() { return 500; }
  }

  public static InvalidRequest invalid(String format, Object... args) { return new InvalidRequest(String.format(format, args)); }
  public static Forbidden forbidden(String format, Object... args) { return new Forbidden(String.format(format, args)); }
  public static NotFound notFound(String format, Object... args) { return new NotFound(String.format(format, args)); }
  public static Conflict conflict(String format, Object... args) { return new Conflict(String.format(format, args)); }
}
