package io.berth.dns.domain;

import java.net.InetAddress;
import java.util.List;

/** What the resolver decided for one question. */
public sealed interface Resolution {

  /** The source is not an endpoint of the network whose listener it reached: not an open resolver. */
  record Refused() implements Resolution {}

  /**
   * The name is ours: these addresses (A or AAAA) in round-robin order, the records starting at index
   * {@code start} and wrapping around.
   */
  record Addresses(AddressRecords records, int start) implements Resolution {
    public Addresses {
      if (start < 0 || (start > 0 && start >= records.size())) {
        throw new IllegalArgumentException("start " + start + " outside " + records.size() + " records");
      }
    }

    /** The addresses, in answer order. */
    public Addresses(List<InetAddress> addresses) {
      this(AddressRecords.of(addresses), 0);
    }

    /** The addresses in answer order (a view). */
    public List<InetAddress> addresses() {
      return records.rotated(start);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Addresses a && a.addresses().equals(addresses());
    }

    @Override
    public int hashCode() {
      return addresses().hashCode();
    }

    @Override
    public String toString() {
      return "Addresses" + addresses();
    }
  }

  /** The address is ours: this name ({@code <container>.<network>}). */
  record Pointer(String name) implements Resolution {}

  /** The name is ours but has no record of the asked type (NOERROR, empty answer). */
  record NoData() implements Resolution {}

  /** Not ours: ask the upstream servers. */
  record Forward() implements Resolution {}

  Refused REFUSED = new Refused();
  NoData NO_DATA = new NoData();
  Forward FORWARD = new Forward();
}
