package io.berth.dns.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.AbstractList;
import java.util.List;

/**
 * A name's addresses of one family together with their answer records already in wire format, built once per
 * snapshot so that answering a lookup copies bytes instead of building and encoding records. Every record names
 * its owner with a compression pointer to offset 12, where an answer's single question (the name asked) starts,
 * so the same bytes serve every spelling of the name and every requester. Immutable.
 */
public final class AddressRecords {
  /** Docker's {@code respTTL}: every locally answered record lives 600 s. */
  public static final int TTL = 600;
  /** The empty set (a name that exists with no address of the family). */
  public static final AddressRecords EMPTY = of(List.of());

  private static final int HEADER = 12;
  private static final int TYPE_A = 1;
  private static final int TYPE_AAAA = 28;
  private static final int CLASS_IN = 1;
  /** Pointer (2) + type (2) + class (2) + TTL (4) + RDLENGTH (2). */
  private static final int FIXED = 12;

  private final List<InetAddress> addresses;
  private final byte[] wire;
  private final int recordLength;

  private AddressRecords(List<InetAddress> addresses, byte[] wire, int recordLength) {
    this.addresses = addresses;
    this.wire = wire;
    this.recordLength = recordLength;
  }

  /** Encodes the records of {@code addresses}, which are all of one family. */
  public static AddressRecords of(List<InetAddress> addresses) {
    List<InetAddress> list = List.copyOf(addresses);
    if (list.isEmpty()) {
      return new AddressRecords(list, new byte[0], 0);
    }
    int rdLength = list.get(0).getAddress().length;
    int length = FIXED + rdLength;
    byte[] wire = new byte[length * list.size()];
    int at = 0;
    for (InetAddress a : list) {
      byte[] rdata = a.getAddress();
      if (rdata.length != rdLength) {
        throw new IllegalArgumentException("addresses of both families in one record set: " + list);
      }
      int type = a instanceof Inet4Address ? TYPE_A : TYPE_AAAA;
      at = putShort(wire, at, 0xC000 | HEADER);
      at = putShort(wire, at, type);
      at = putShort(wire, at, CLASS_IN);
      at = putShort(wire, at, TTL >>> 16);
      at = putShort(wire, at, TTL & 0xffff);
      at = putShort(wire, at, rdLength);
      System.arraycopy(rdata, 0, wire, at, rdLength);
      at += rdLength;
    }
    return new AddressRecords(list, wire, length);
  }

  private static int putShort(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
    return at + 2;
  }

  public List<InetAddress> addresses() {
    return addresses;
  }

  public int size() {
    return addresses.size();
  }

  public boolean isEmpty() {
    return addresses.isEmpty();
  }

  /** The bytes of every record, in {@link #addresses()} order, each {@link #recordLength()} long. */
  public byte[] wire() {
    return wire;
  }

  /** The length of one record in {@link #wire()}. */
  public int recordLength() {
    return recordLength;
  }

  /** The addresses starting at index {@code start} and wrapping around (a view, nothing copied). */
  List<InetAddress> rotated(int start) {
    if (start == 0) {
      return addresses;
    }
    int n = addresses.size();
    return new AbstractList<>() {
      @Override
      public InetAddress get(int i) {
        return addresses.get((start + i) % n);
      }

      @Override
      public int size() {
        return n;
      }
    };
  }
}
