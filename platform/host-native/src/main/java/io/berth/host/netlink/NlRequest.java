package io.berth.host.netlink;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds one netlink message: header, family struct, attributes (4-byte aligned, nests). Host byte order. */
final class NlRequest {
    private final ByteBuffer buf = ByteBuffer.allocate(16 * 1024).order(ByteOrder.nativeOrder());
    final int type;
    final int flags;
    final String description;

    NlRequest(int type, int flags, String description) {
        this.type = type;
        this.flags = flags | Nl.F_REQUEST;
        this.description = description;
        buf.putInt(0).putShort((short) type).putShort((short) this.flags).putInt(0).putInt(0);
    }

    NlRequest u8(int v) {
        buf.put((byte) v);
        return this;
    }

    NlRequest u16(int v) {
        buf.putShort((short) v);
        return this;
    }

    NlRequest u32(int v) {
        buf.putInt(v);
        return this;
    }

    /** ifinfomsg: family, pad, type, index, flags, change. */
    NlRequest ifinfomsg(int family, int index, int flags, int change) {
        return u8(family).u8(0).u16(0).u32(index).u32(flags).u32(change);
    }

    NlRequest attr(int type, byte[] payload) {
        int len = 4 + payload.length;
        buf.putShort((short) len).putShort((short) type).put(payload);
        pad();
        return this;
    }

    NlRequest attrU8(int type, int v) {
        return attr(type, new byte[] {(byte) v});
    }

    NlRequest attrU16(int type, int v) {
        buf.putShort((short) 6).putShort((short) type).putShort((short) v);
        pad();
        return this;
    }

    /** A 16-bit value in network byte order (ports, ethertypes). */
    NlRequest attrBe16(int type, int v) {
        return attr(type, new byte[] {(byte) (v >>> 8), (byte) v});
    }

    NlRequest attrU32(int type, int v) {
        buf.putShort((short) 8).putShort((short) type).putInt(v);
        return this;
    }

    NlRequest attrString(int type, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return attr(type, z);
    }

    NlRequest attrAddress(int type, InetAddress a) {
        return attr(type, a.getAddress());
    }

    /** Starts a nested attribute; close it with {@link #end(int)}. */
    int nest(int type) {
        int pos = buf.position();
        buf.putShort((short) 0).putShort((short) type);
        return pos;
    }

    NlRequest end(int nestPos) {
        buf.putShort(nestPos, (short) (buf.position() - nestPos));
        return this;
    }

    private void pad() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }

    /** The finished message with its length and sequence number set, position 0. */
    ByteBuffer finish(int seq) {
        pad();
        ByteBuffer out = buf.duplicate().order(ByteOrder.nativeOrder());
        out.flip();
        out.putInt(0, out.limit());
        out.putInt(8, seq);
        return out;
    }

    /** Bytes as built so far (tests). */
    byte[] bytes(int seq) {
        ByteBuffer b = finish(seq);
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }
}
