package io.berth.logging.tls;

import java.util.HexFormat;

/** Constant DER fragments written as hex. */
final class HexBytes {
  private HexBytes() {}

  static byte[] of(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
