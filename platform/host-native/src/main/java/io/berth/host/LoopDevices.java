package io.berth.host;

import java.nio.file.Path;

import io.berth.host.internal.LibC;
import io.berth.host.internal.Native;

/**
 * Loop devices through {@code /dev/loop-control}, for size-limited volumes (an image file with a file system on it).
 * Blocking.
 */
public final class LoopDevices {
    private static final long LOOP_SET_FD = 0x4C00;
    private static final long LOOP_CLR_FD = 0x4C01;
    private static final long LOOP_CTL_GET_FREE = 0x4C82;

    private LoopDevices() {
    }

    /**
     * Attaches {@code file} to a free loop device and returns the device path. The device keeps its own reference to
     * the file. Equivalent to: {@code losetup --find --show FILE}.
     */
    public static Path attach(Path file, boolean readOnly) {
        String op = "losetup --find --show " + (readOnly ? "--read-only " : "") + file;
        LibC c = Native.libc();
        for (int attempt = 0; attempt < 8; attempt++) {
            int ctl = c.open("/dev/loop-control", Native.O_RDWR | Native.O_CLOEXEC, 0);
            if (ctl < 0) {
                throw new HostException(op + " (/dev/loop-control)", Native.errno(), null);
            }
            int n;
            try {
                n = c.ioctl(ctl, LOOP_CTL_GET_FREE, 0);
                if (n < 0) {
                    throw new HostException(op + " (LOOP_CTL_GET_FREE)", Native.errno(), null);
                }
            } finally {
                c.close(ctl);
            }
            Path dev = Path.of("/dev/loop" + n);
            int mode = readOnly ? Native.O_RDONLY : Native.O_RDWR;
            int devFd = c.open(dev.toString(), mode | Native.O_CLOEXEC, 0);
            if (devFd < 0) {
                throw new HostException(op + " (open " + dev + ")", Native.errno(), null);
            }
            try {
                int fileFd = c.open(file.toString(), mode | Native.O_CLOEXEC, 0);
                if (fileFd < 0) {
                    throw new HostException(op + " (open " + file + ")", Native.errno(), null);
                }
                try {
                    if (c.ioctl(devFd, LOOP_SET_FD, fileFd) == 0) {
                        return dev;
                    }
                    int errno = Native.errno();
                    if (errno != Errno.EBUSY) { // EBUSY: another process took it first; ask again
                        throw new HostException(op + " (LOOP_SET_FD " + dev + ")", errno, null);
                    }
                } finally {
                    c.close(fileFd);
                }
            } finally {
                c.close(devFd);
            }
        }
        throw new HostException(op, Errno.EBUSY, "no free loop device after 8 attempts");
    }

    /** Equivalent to: {@code losetup --detach DEVICE}. */
    public static void detach(Path device) {
        LibC c = Native.libc();
        int fd = c.open(device.toString(), Native.O_RDONLY | Native.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new HostException("losetup --detach " + device, Native.errno(), null);
        }
        try {
            Check.host(c.ioctl(fd, LOOP_CLR_FD, 0), "losetup --detach " + device);
        } finally {
            c.close(fd);
        }
    }

    /** The backing file of an attached device, or {@code null}. Equivalent to: {@code losetup --list DEVICE}. */
    public static Path backingFile(Path device) {
        Path f = Path.of("/sys/block", device.getFileName().toString(), "loop", "backing_file");
        try {
            return Path.of(java.nio.file.Files.readString(f).strip());
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
