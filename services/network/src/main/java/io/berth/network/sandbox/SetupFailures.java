package io.berth.network.sandbox;

import io.berth.kit.errors.BerthException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last error each container's sandbox set-up failed with, served by {@code GET /sandboxes/{id}} as its Docker
 * error. Bounded: the oldest failures are forgotten first, so containers that never come back cannot grow it.
 */
public final class SetupFailures {
  /** Enough for every container a node starts in a burst; a failure this old is not waited on any more. */
  static final int LIMIT = 1024;

  private final Map<String, BerthException> failures = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, BerthException> eldest) {
      return size() > LIMIT;
    }
  };

  /** Keeps the failure (as Docker's error: anything but a {@link BerthException} is a 500) and returns it. */
  synchronized BerthException record(String containerId, Throwable e) {
    BerthException b = e instanceof BerthException be ? be : new BerthException.Internal(e.getMessage(), e);
    failures.remove(containerId);
    failures.put(containerId, b);
    return b;
  }

  synchronized void clear(String containerId) {
    failures.remove(containerId);
  }

  /** The container's last set-up failure, or {@code null}. */
  public synchronized BerthException get(String containerId) {
    return failures.get(containerId);
  }
}
