package io.berth.host;

import io.berth.host.internal.Native;

/** Turns libc return codes into exceptions; must run on the thread that made the call. */
final class Check {
    private Check() {
    }

    static int host(int rc, String operation) {
        if (rc < 0) {
            throw new HostException(operation, Native.errno(), null);
        }
        return rc;
    }

    static int mount(int rc, String operation) {
        if (rc < 0) {
            throw new MountException(operation, Native.errno(), null);
        }
        return rc;
    }
}
