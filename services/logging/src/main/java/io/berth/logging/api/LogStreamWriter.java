package io.berth.logging.api;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.Rfc3339;
import io.berth.logging.file.ByteBuf;
import io.berth.logging.file.LogFileReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes log messages to a {@code logs} response from a reader thread: with the 8-byte multiplexed header
 * ({@code [stream,0,0,0,size BE]}) when the container has no TTY, raw otherwise; {@code timestamps} puts Docker's
 * fixed nine-digit RFC 3339 time and a space before each line, {@code details} the attributes. Frames are gathered
 * into 64 KiB writes and the reader waits while the client is slow (back-pressure).
 */
final class LogStreamWriter implements LogFileReader.Sink {
  private static final int BATCH = 64 * 1024;

  private final HttpServerResponse response;
  private final boolean multiplexed;
  private final boolean timestamps;
  private final String details;
  private final Rfc3339 time = new Rfc3339();
  private final ByteBuf buf = new ByteBuf(BATCH + 32 * 1024);
  private final ByteBuf payload = new ByteBuf(32 * 1024);
  private volatile boolean closed;

  LogStreamWriter(HttpServerResponse response, boolean multiplexed, boolean timestamps, String details) {
    this.response = response;
    this.multiplexed = multiplexed;
    this.timestamps = timestamps;
    this.details = details;
    response.closeHandler(v -> closed = true);
  }

  boolean closed() {
    return closed;
  }

  @Override
  public boolean accept(LogMessage m) {
    if (closed) return false;
    payload.clear();
    if (timestamps) {
      int p = payload.reserve(40);
      payload.setSize(time.write(m.timeNanos(), payload.array(), p, true));
      payload.put(' ');
    }
    if (details != null) payload.put(details.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    payload.put(m.line());
    if (m.endsLine()) payload.put('\n');
    if (multiplexed) {
      buf.put(m.stream().frameType());
      buf.put(0);
      buf.put(0);
      buf.put(0);
      buf.putInt(payload.size());
    }
    buf.put(payload.array(), 0, payload.size());
    if (buf.size() >= BATCH) flush();
    return !closed;
  }

  /** Sends what is gathered; waits (bounded) while the response's write queue is full. */
  void flush() {
    if (buf.size() == 0 || closed) return;
    Buffer out = Buffer.buffer(buf.toArray());
    buf.clear();
    response.write(out);
    if (response.writeQueueFull()) {
      CountDownLatch drained = new CountDownLatch(1);
      response.drainHandler(v -> drained.countDown());
      try {
        while (!closed && response.writeQueueFull() && !drained.await(200, TimeUnit.MILLISECONDS)) {
          // wait for the client
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
