package io.berth.dns.server;

import java.util.concurrent.Callable;

/**
 * The network namespace the resolver's sockets live in. A socket belongs to the namespace of the thread that
 * created it, so every socket the server and the forwarder open is created through {@link #call}; they are used from
 * any thread afterwards.
 */
public interface ListenNamespace {

  /** Runs the task inside the namespace and returns its result. */
  <T> T call(Callable<T> task) throws Exception;

  /** A name for logs. */
  String name();

  /** The namespace the process already runs in (production, and the node inside a lab namespace). */
  static ListenNamespace current() {
    return new ListenNamespace() {
      @Override
      public <T> T call(Callable<T> task) throws Exception {
        return task.call();
      }

      @Override
      public String name() {
        return "current";
      }
    };
  }
}
