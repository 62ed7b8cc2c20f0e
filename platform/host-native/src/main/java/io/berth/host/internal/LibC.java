package io.berth.host.internal;

import java.nio.ByteBuffer;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * Raw glibc binding (x86_64/aarch64, LP64). Internal: the public facades in {@code io.berth.host} turn return codes into
 * exceptions. Read errno with {@link Native#errno()} on the same thread, right after the call.
 */
public interface LibC {
    long syscall(long number);

    int unshare(int flags);

    int setns(int fd, int nstype);

    /** Variadic in C; the fixed three-argument form is ABI-compatible on the supported targets. */
    int open(String path, int flags, int mode);

    int close(int fd);

    int unlink(String path);

    int mkfifo(String path, int mode);

    int chown(String path, int uid, int gid);

    int lchown(String path, int uid, int gid);

    int mount(String source, String target, String fstype, long mountflags, String data);

    int umount2(String target, int flags);

    int statfs(String path, @Out Statfs buf);

    int ioctl(int fd, long request, long arg);

    int socket(int domain, int type, int protocol);

    int bind(int fd, @In ByteBuffer addr, int addrlen);

    int setsockopt(int fd, int level, int optname, @In int[] optval, int optlen);

    int setsockopt(int fd, int level, int optname, Pointer optval, int optlen);

    int sched_getaffinity(int pid, @size_t long cpusetsize, @Out byte[] mask);

    @ssize_t long sendto(int fd, @In ByteBuffer buf, @size_t long len, int flags, @In ByteBuffer destAddr, int addrlen);

    @ssize_t long recvfrom(int fd, @Out ByteBuffer buf, @size_t long len, int flags, Pointer srcAddr, Pointer addrlen);

    String strerror(int errnum);
}
