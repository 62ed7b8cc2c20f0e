package io.berth.dns;

import io.berth.kit.node.ServiceMain;

/** Runs the dns service alone, against an external Kafka and Hazelcast cluster. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    ServiceMain.run(args, new DnsService());
  }
}
