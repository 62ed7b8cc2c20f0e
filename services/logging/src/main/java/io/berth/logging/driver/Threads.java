package io.berth.logging.driver;

/** berth's logging threads: named after the container and stream, daemon, so a stuck sink never holds the JVM. */
public final class Threads {
  private Threads() {}

  public static Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
