package io.berth.logging.tls;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** The little DER that wrapping a PKCS#1 or SEC 1 key into PKCS#8 needs: definite-length TLVs. */
final class Der {
  private Der() {}

  static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
    out.write(tag);
    int n = value.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) out.write(n >>> (8 * i));
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  /** Reads TLVs one after the other from a byte range. */
  static final class Reader {
    private final byte[] b;
    private int pos;
    private final int end;

    Reader(byte[] b) {
      this(b, 0, b.length);
    }

    private Reader(byte[] b, int from, int to) {
      this.b = b;
      this.pos = from;
      this.end = to;
    }

    /** The next element must have {@code tag}; returns a reader of its content. */
    Reader enter(int tag) throws GeneralSecurityException {
      int[] h = header(tag);
      pos = h[1] + h[2];
      return new Reader(b, h[1], h[1] + h[2]);
    }

    void skip(int tag) throws GeneralSecurityException {
      int[] h = header(tag);
      pos = h[1] + h[2];
    }

    /** The next element, tag and length included. */
    byte[] raw(int tag) throws GeneralSecurityException {
      int start = pos;
      int[] h = header(tag);
      pos = h[1] + h[2];
      return Arrays.copyOfRange(b, start, pos);
    }

    /** [tag, content offset, content length]. */
    private int[] header(int tag) throws GeneralSecurityException {
      if (pos + 2 > end || (b[pos] & 0xff) != tag) throw new GeneralSecurityException("malformed key (DER)");
      int p = pos + 1;
      int len = b[p++] & 0xff;
      if (len >= 0x80) {
        int bytes = len & 0x7f;
        len = 0;
        for (int i = 0; i < bytes; i++) len = (len << 8) | (b[p++] & 0xff);
      }
      if (p + len > end) throw new GeneralSecurityException("malformed key (DER)");
      return new int[] {tag, p, len};
    }
  }
}
