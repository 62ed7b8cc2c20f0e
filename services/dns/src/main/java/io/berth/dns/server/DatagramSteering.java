package io.berth.dns.server;

/**
 * How the UDP sockets of one listening address share its datagrams among the event loops: by the kernel's hash of
 * the sender's address and port, or by the CPU a datagram arrives on (see {@link Transport}).
 */
public interface DatagramSteering {
  /** The kernel's hash. */
  DatagramSteering HASH = new DatagramSteering() {
    @Override
    public int cpus() {
      return 0;
    }

    @Override
    public void byCpu(int fd) {
    }
  };

  /**
   * How many CPUs the process may use, when they are numbered from 0 (steering by CPU needs one loop for each),
   * else 0.
   */
  int cpus();

  /** Makes the group of the socket {@code fd} give each datagram to the socket whose index is the CPU it arrives on. */
  void byCpu(int fd);
}
