package io.berth.host.netlink;

import java.security.SecureRandom;
import java.util.HexFormat;

/** MAC addresses as {@code aa:bb:cc:dd:ee:ff} strings. */
public final class Mac {
    private static final HexFormat HEX = HexFormat.ofDelimiter(":");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Mac() {
    }

    public static byte[] parse(String mac) {
        byte[] b;
        try {
            b = HEX.parseHex(mac.toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid MAC address: " + mac, e);
        }
        if (b.length != 6) {
            throw new IllegalArgumentException("invalid MAC address: " + mac);
        }
        return b;
    }

    /** A random unicast, locally administered address (the first byte's low bits are {@code 10}). */
    public static String randomLocal() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        b[0] = (byte) ((b[0] & 0xfc) | 0x02);
        return format(b);
    }

    public static String format(byte[] mac) {
        return mac == null ? null : HEX.formatHex(mac);
    }
}
