package io.berth.host;

import io.berth.host.internal.Native;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Chooses, for each datagram, which socket of a {@code SO_REUSEPORT} group receives it: the socket whose index (the
 * order the sockets were bound in) is the number of the CPU handling the packet, with a two-instruction classic BPF
 * program ({@code SO_ATTACH_REUSEPORT_CBPF}). A sender on the same machine hands its packet over on its own CPU, so
 * the reader of that CPU's socket is woken there, where the data is, instead of on another CPU. A CPU number past
 * the last socket falls back to the kernel's hash.
 */
public final class ReuseportSteering {
    private static final int SOL_SOCKET = 1;
    private static final int SO_ATTACH_REUSEPORT_CBPF = 51;
    /** {@code BPF_LD | BPF_W | BPF_ABS}. */
    private static final short LD_W_ABS = 0x20;
    /** {@code BPF_RET | BPF_A}. */
    private static final short RET_A = 0x16;
    /** {@code SKF_AD_OFF + SKF_AD_CPU}: loading from here yields the current CPU. */
    private static final int AD_CPU = -0x1000 + 36;

    private ReuseportSteering() {
    }

    /** Attaches the program to the group of the socket {@code fd} (any member will do). */
    public static void byCpu(int fd) {
        jnr.ffi.Runtime runtime = Native.runtime();
        Pointer filter = Memory.allocateDirect(runtime, 16);
        // struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }
        filter.putShort(0, LD_W_ABS);
        filter.putInt(4, AD_CPU);
        filter.putShort(8, RET_A);
        filter.putInt(12, 0);
        // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
        Pointer program = Memory.allocateDirect(runtime, 16);
        program.putShort(0, (short) 2);
        program.putAddress(8, filter.address());
        Check.host(Native.libc().setsockopt(fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, program, 16),
                "setsockopt SO_ATTACH_REUSEPORT_CBPF");
    }
}
