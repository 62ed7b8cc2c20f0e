package io.berth.logging.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.In;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * A connectionless {@code AF_UNIX}/{@code SOCK_DGRAM} sender, which the JDK lacks: the journald native protocol
 * ({@code /run/systemd/journal/socket}) and syslog's {@code unixgram://}. Each {@link #send} is one datagram.
 */
public final class UnixDatagram implements AutoCloseable {
  private static final int AF_UNIX = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_CLOEXEC = 02000000;

  /** The raw binding; only this class sees it. */
  public interface LibC {
    int socket(int domain, int type, int protocol);

    @ssize_t long sendto(int fd, @In ByteBuffer buf, @size_t long len, int flags, @In ByteBuffer addr, int addrlen);

    int close(int fd);

    String strerror(int errnum);
  }

  private static final class Holder {
    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(LIBC);
  }

  private final int fd;
  private final ByteBuffer address;
  private final String path;

  /** Equivalent to {@code socket(AF_UNIX, SOCK_DGRAM)} aimed at {@code path}. */
  public UnixDatagram(String path) throws IOException {
    byte[] p = path.getBytes(StandardCharsets.UTF_8);
    if (p.length >= 108) throw new IOException("unix socket path too long: " + path);
    this.path = path;
    this.address = ByteBuffer.allocateDirect(110);
    address.put(0, (byte) AF_UNIX).put(1, (byte) 0);
    for (int i = 0; i < p.length; i++) address.put(2 + i, p[i]);
    this.fd = Holder.LIBC.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw error("socket");
  }

  /** Sends one datagram; fails with the errno text (e.g. when nobody listens on the path). */
  public void send(byte[] data, int len) throws IOException {
    ByteBuffer b = ByteBuffer.allocateDirect(len);
    b.put(data, 0, len).flip();
    long n = Holder.LIBC.sendto(fd, b, len, 0, address, 2 + path.getBytes(StandardCharsets.UTF_8).length + 1);
    if (n < 0) throw error("sendto " + path);
  }

  private IOException error(String op) {
    int errno = Holder.RUNTIME.getLastError();
    return new IOException(op + ": " + Holder.LIBC.strerror(errno));
  }

  @Override
  public void close() {
    Holder.LIBC.close(fd);
  }
}
