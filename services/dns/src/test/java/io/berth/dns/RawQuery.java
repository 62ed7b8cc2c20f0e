package io.berth.dns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** DNS queries as raw wire bytes, built by hand so tests control every header bit. */
public final class RawQuery {
  private RawQuery() {}

  /**
   * One question for {@code name} of {@code type} (class IN), with id {@code id}, the RD bit if {@code rd}, and an
   * EDNS OPT record (1232-byte buffer) if {@code edns}.
   */
  public static byte[] of(int id, String name, int type, boolean edns, boolean rd) {
    ByteBuffer b = ByteBuffer.allocate(512);
    b.putShort((short) id).putShort((short) (rd ? 0x0100 : 0)).putShort((short) 1).putShort((short) 0)
        .putShort((short) 0).putShort((short) (edns ? 1 : 0));
    for (String label : name.split("\\.")) {
      byte[] l = label.getBytes(StandardCharsets.US_ASCII);
      b.put((byte) l.length).put(l);
    }
    b.put((byte) 0).putShort((short) type).putShort((short) 1);
    if (edns) {
      b.put((byte) 0).putShort((short) 41).putShort((short) 1232).putInt(0).putShort((short) 0);
    }
    return Arrays.copyOf(b.array(), b.position());
  }
}
