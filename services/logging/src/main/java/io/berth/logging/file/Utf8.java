package io.berth.logging.file;

/** UTF-8 validation as Go's {@code utf8.DecodeRune} sees it: overlong forms and surrogates are invalid. */
final class Utf8 {
  private Utf8() {}

  /** The length of the valid rune starting at {@code i}, or -1 when the bytes there are not valid UTF-8. */
  static int runeLength(byte[] s, int i) {
    int b0 = s[i] & 0xff;
    int n = s.length;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      return i + 1 < n && cont(s[i + 1]) ? 2 : -1;
    }
    if (b0 >= 0xe0 && b0 <= 0xef) {
      if (i + 2 >= n || !cont(s[i + 1]) || !cont(s[i + 2])) return -1;
      int b1 = s[i + 1] & 0xff;
      if (b0 == 0xe0 && b1 < 0xa0) return -1;
      if (b0 == 0xed && b1 > 0x9f) return -1;
      return 3;
    }
    if (b0 >= 0xf0 && b0 <= 0xf4) {
      if (i + 3 >= n || !cont(s[i + 1]) || !cont(s[i + 2]) || !cont(s[i + 3])) return -1;
      int b1 = s[i + 1] & 0xff;
      if (b0 == 0xf0 && b1 < 0x90) return -1;
      if (b0 == 0xf4 && b1 > 0x8f) return -1;
      return 4;
    }
    return -1;
  }

  private static boolean cont(byte b) {
    return (b & 0xc0) == 0x80;
  }
}
