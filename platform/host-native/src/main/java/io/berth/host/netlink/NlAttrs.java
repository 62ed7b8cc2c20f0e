package io.berth.host.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Parsed attributes of one level: type (nested flag masked off) to payload slice. */
final class NlAttrs {
    private final Map<Integer, ByteBuffer> attrs = new HashMap<>();

    static NlAttrs parse(ByteBuffer b, int from, int to) {
        NlAttrs a = new NlAttrs();
        int pos = from;
        while (pos + 4 <= to) {
            int len = Short.toUnsignedInt(b.getShort(pos));
            int type = Short.toUnsignedInt(b.getShort(pos + 2)) & 0x3fff;
            if (len < 4 || pos + len > to) {
                break;
            }
            ByteBuffer v = b.duplicate().order(ByteOrder.nativeOrder());
            v.position(pos + 4).limit(pos + len);
            a.attrs.putIfAbsent(type, v.slice().order(ByteOrder.nativeOrder()));
            pos += Nl.align(len);
        }
        return a;
    }

    static NlAttrs parse(ByteBuffer payload) {
        return parse(payload, payload.position(), payload.limit());
    }

    boolean has(int type) {
        return attrs.containsKey(type);
    }

    ByteBuffer get(int type) {
        ByteBuffer b = attrs.get(type);
        return b == null ? null : b.duplicate().order(ByteOrder.nativeOrder());
    }

    NlAttrs nested(int type) {
        ByteBuffer b = get(type);
        return b == null ? new NlAttrs() : parse(b, 0, b.limit());
    }

    String string(int type) {
        ByteBuffer b = get(type);
        if (b == null) {
            return null;
        }
        byte[] a = new byte[b.remaining()];
        b.get(a);
        int n = 0;
        while (n < a.length && a[n] != 0) {
            n++;
        }
        return new String(a, 0, n, StandardCharsets.UTF_8);
    }

    Integer u32(int type) {
        ByteBuffer b = get(type);
        return b == null || b.remaining() < 4 ? null : b.getInt(0);
    }

    Integer u16(int type) {
        ByteBuffer b = get(type);
        return b == null || b.remaining() < 2 ? null : Short.toUnsignedInt(b.getShort(0));
    }

    Integer be16(int type) {
        ByteBuffer b = get(type);
        return b == null || b.remaining() < 2 ? null : ((b.get(0) & 0xff) << 8) | (b.get(1) & 0xff);
    }

    Integer u8(int type) {
        ByteBuffer b = get(type);
        return b == null || b.remaining() < 1 ? null : b.get(0) & 0xff;
    }

    byte[] bytes(int type) {
        ByteBuffer b = get(type);
        if (b == null) {
            return null;
        }
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    InetAddress address(int type) {
        byte[] a = bytes(type);
        if (a == null || (a.length != 4 && a.length != 16)) {
            return null;
        }
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
