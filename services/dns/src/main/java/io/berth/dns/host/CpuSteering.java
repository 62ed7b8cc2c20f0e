package io.berth.dns.host;

import io.berth.dns.server.DatagramSteering;
import io.berth.host.Cpus;
import io.berth.host.ReuseportSteering;
import java.util.BitSet;

/** {@link DatagramSteering} by CPU with host-native's {@link ReuseportSteering}. */
public final class CpuSteering implements DatagramSteering {
  @Override
  public int cpus() {
    BitSet cpus = Cpus.allowed();
    return cpus.nextClearBit(0) == cpus.cardinality() ? cpus.cardinality() : 0;
  }

  @Override
  public void byCpu(int fd) {
    ReuseportSteering.byCpu(fd);
  }
}
