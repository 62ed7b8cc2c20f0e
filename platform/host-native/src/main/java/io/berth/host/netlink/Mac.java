package io.berth.host.netlink;

import java.util.HexFormat;

/** MAC addresses as {@code aa:bb:cc:dd:ee:ff} strings. */
public final class Mac {
    private static final HexFormat HEX = HexFormat.ofDelimiter(":");

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

    public static String format(byte[] mac) {
        return mac == null ? null : HEX.formatHex(mac);
    }
}
