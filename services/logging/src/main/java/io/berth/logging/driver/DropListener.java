package io.berth.logging.driver;

/** Told when messages are lost or a sink comes back, so it is counted and published, never silent. */
public interface DropListener {
  void dropped(long count, String reason);

  void recovered(String driver, long downMillis);

  DropListener NONE = new DropListener() {
    @Override public void dropped(long count, String reason) { }
    @Override public void recovered(String driver, long downMillis) { }
  };
}
