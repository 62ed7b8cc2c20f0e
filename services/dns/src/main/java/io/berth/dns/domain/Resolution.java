package io.berth.dns.domain;

import java.net.InetAddress;
import java.util.List;

/** What the resolver decided for one question. */
public sealed interface Resolution {

  /** The source is not an endpoint of the network whose listener it reached: not an open resolver. */
  record Refused() implements Resolution {}

  /** The name is ours: these addresses (A or AAAA), in round-robin order. */
  record Addresses(List<InetAddress> addresses) implements Resolution {}

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
