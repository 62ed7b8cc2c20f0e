package io.berth.logging.driver.fluentd;

import io.berth.logging.file.ByteBuf;
import java.nio.charset.StandardCharsets;

/** The few MessagePack encodings the Fluentd forward protocol needs (maps, arrays, strings, ints, EventTime ext). */
final class MsgPack {
  private MsgPack() {}

  static void array(ByteBuf b, int n) {
    if (n < 16) b.put(0x90 | n);
    else { b.put(0xdc); b.put(n >>> 8); b.put(n); }
  }

  static void map(ByteBuf b, int n) {
    if (n < 16) b.put(0x80 | n);
    else { b.put(0xde); b.put(n >>> 8); b.put(n); }
  }

  static void str(ByteBuf b, String s) {
    str(b, s.getBytes(StandardCharsets.UTF_8));
  }

  static void str(ByteBuf b, byte[] s) {
    int n = s.length;
    if (n < 32) b.put(0xa0 | n);
    else if (n < 256) { b.put(0xd9); b.put(n); }
    else if (n < 65536) { b.put(0xda); b.put(n >>> 8); b.put(n); }
    else { b.put(0xdb); b.putInt(n); }
    b.put(s);
  }

  static void uint32(ByteBuf b, long v) {
    b.put(0xce);
    b.putInt((int) v);
  }

  /** Fluentd's EventTime: ext type 0, 8 bytes, seconds and nanoseconds as big-endian uint32. */
  static void eventTime(ByteBuf b, long epochNanos) {
    b.put(0xd7);
    b.put(0x00);
    b.putInt((int) (epochNanos / 1_000_000_000L));
    b.putInt((int) (epochNanos % 1_000_000_000L));
  }
}
