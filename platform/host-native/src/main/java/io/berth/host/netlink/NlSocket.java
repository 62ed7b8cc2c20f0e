package io.berth.host.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.berth.host.NetlinkException;
import io.berth.host.internal.LibC;
import io.berth.host.internal.Native;

/**
 * An AF_NETLINK/NETLINK_ROUTE socket with extended acks. One request at a time (callers synchronize). The socket is
 * bound to the network namespace of the thread that opened it.
 */
final class NlSocket implements AutoCloseable {
    private static final int AF_NETLINK = 16, SOCK_RAW = 3, SOCK_CLOEXEC = 02000000, NETLINK_ROUTE = 0;
    private static final int SOL_SOCKET = 1, SO_RCVBUF = 8, SO_SNDBUF = 7;
    private static final int SOL_NETLINK = 270, NETLINK_EXT_ACK = 11, NETLINK_CAP_ACK = 10;
    private static final int RECV_SIZE = 256 * 1024;

    private final LibC c = Native.libc();
    private final ByteBuffer send = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    private final ByteBuffer recv = ByteBuffer.allocateDirect(RECV_SIZE).order(ByteOrder.nativeOrder());
    private final ByteBuffer kernel = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
    private int fd;
    private int seq = (int) (System.nanoTime() & 0x7fffffff);

    NlSocket() {
        fd = c.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        if (fd < 0) {
            throw new NetlinkException("socket(AF_NETLINK)", Native.errno(), null);
        }
        ByteBuffer addr = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
        addr.putShort((short) AF_NETLINK).putShort((short) 0).putInt(0).putInt(0).flip();
        if (c.bind(fd, addr, 12) < 0) {
            int errno = Native.errno();
            c.close(fd);
            throw new NetlinkException("bind(AF_NETLINK)", errno, null);
        }
        c.setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, new int[] {1}, 4);
        c.setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, new int[] {1}, 4);
        c.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, new int[] {1 << 20}, 4);
        c.setsockopt(fd, SOL_SOCKET, SO_SNDBUF, new int[] {1 << 20}, 4);
        kernel.putShort((short) AF_NETLINK).putShort((short) 0).putInt(0).putInt(0).flip();
    }

    /** Sends a request (with NLM_F_ACK) and returns any replies that came before the ack. */
    List<ByteBuffer> request(NlRequest req) {
        return exchange(req, false);
    }

    /** Sends a dump request and returns each reply message (header included), copied. */
    List<ByteBuffer> dump(NlRequest req) {
        return exchange(req, true);
    }

    private List<ByteBuffer> exchange(NlRequest req, boolean dump) {
        if (fd < 0) {
            throw new NetlinkException(req.description, 9, "netlink socket closed");
        }
        int mySeq = ++seq;
        ByteBuffer msg = req.finish(mySeq);
        send.clear();
        send.put(msg);
        send.flip();
        // jnr passes a direct buffer as address + position(): hand over a view at position 0.
        long n = c.sendto(fd, send.duplicate(), send.limit(), 0, kernel.duplicate(), 12);
        if (n < 0) {
            throw new NetlinkException(req.description, Native.errno(), null);
        }
        List<ByteBuffer> replies = new ArrayList<>();
        while (true) {
            recv.clear();
            long got = c.recvfrom(fd, recv.duplicate(), RECV_SIZE, 0, null, null);
            if (got < 0) {
                int errno = Native.errno();
                if (errno == 4) { // EINTR
                    continue;
                }
                throw new NetlinkException(req.description + " (recv)", errno, null);
            }
            recv.limit((int) got);
            int pos = 0;
            while (pos + Nl.NLMSG_HDRLEN <= got) {
                int len = recv.getInt(pos);
                int type = Short.toUnsignedInt(recv.getShort(pos + 4));
                int flags = Short.toUnsignedInt(recv.getShort(pos + 6));
                int rseq = recv.getInt(pos + 8);
                if (len < Nl.NLMSG_HDRLEN || pos + len > got) {
                    break;
                }
                if (rseq == mySeq) {
                    if (type == Nl.NLMSG_ERROR) {
                        int err = recv.getInt(pos + 16);
                        if (err != 0) {
                            throw new NetlinkException(req.description, -err, extack(pos, len, flags));
                        }
                        if (!dump) {
                            return replies;
                        }
                    } else if (type == Nl.NLMSG_DONE) {
                        int err = len >= 20 ? recv.getInt(pos + 16) : 0;
                        if (err < 0) {
                            throw new NetlinkException(req.description, -err, extack(pos, len, flags));
                        }
                        return replies;
                    } else if (type != Nl.NLMSG_NOOP) {
                        ByteBuffer copy = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder());
                        ByteBuffer src = recv.duplicate();
                        src.position(pos).limit(pos + len);
                        copy.put(src).flip();
                        replies.add(copy);
                    }
                }
                pos += Nl.align(len);
            }
        }
    }

    /** The extended-ack message of an NLMSG_ERROR, if the kernel sent one. */
    private String extack(int pos, int len, int flags) {
        if ((flags & Nl.F_ACK_TLVS) == 0) {
            return null;
        }
        int tlvStart;
        if ((flags & Nl.F_CAPPED) != 0) {
            tlvStart = pos + 16 + 4 + 16;
        } else {
            int origLen = recv.getInt(pos + 20);
            tlvStart = pos + 16 + 4 + Nl.align(origLen);
        }
        int end = pos + len;
        if (tlvStart >= end) {
            return null;
        }
        return NlAttrs.parse(recv, tlvStart, end).string(Nl.NLMSGERR_ATTR_MSG);
    }

    @Override
    public void close() {
        if (fd >= 0) {
            c.close(fd);
            fd = -1;
        }
    }
}
