package io.berth.host;

import io.berth.host.internal.Native;
import java.util.BitSet;

/** The CPUs the calling thread may run on ({@code sched_getaffinity(2)}). */
public final class Cpus {
    /** Room for 1024 CPUs, glibc's {@code cpu_set_t}. */
    private static final int MASK_BYTES = 128;

    private Cpus() {
    }

    /** The CPUs the calling thread may run on. */
    public static BitSet allowed() {
        byte[] mask = new byte[MASK_BYTES];
        Check.host(Native.libc().sched_getaffinity(0, mask.length, mask), "sched_getaffinity");
        return BitSet.valueOf(mask);
    }
}
