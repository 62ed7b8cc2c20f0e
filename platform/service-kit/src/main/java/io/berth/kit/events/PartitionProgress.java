package io.berth.kit.events;

import java.util.TreeSet;

/**
 * The records of one partition handed to handlers and not finished yet, and so the offset that may be committed:
 * the lowest unfinished one, or the one after the last handed out when all are finished. Handlers finish in any
 * order (different keys run side by side); the commit never passes one still running.
 */
final class PartitionProgress {
  private final TreeSet<Long> open = new TreeSet<>();
  private long next = -1;

  synchronized void handedOut(long offset) {
    open.add(offset);
    next = Math.max(next, offset + 1);
  }

  synchronized void finished(long offset) {
    open.remove(offset);
  }

  /** The offset to commit, or -1 when nothing was handed out yet. */
  synchronized long committable() {
    return open.isEmpty() ? next : open.first();
  }
}
