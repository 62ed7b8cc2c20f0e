package io.berth.dns.server;

import io.berth.dns.domain.AddressRecords;
import io.berth.dns.domain.Resolution;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DefaultDnsPtrRecord;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsOptPseudoRecord;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/** Builds the resolver's own answers: Docker's TTL, the question echoed, recursion available. */
final class Answers {
  /** Docker's {@code respTTL}: every locally answered record lives 600 s. */
  static final long TTL = AddressRecords.TTL;
  /** Plain DNS over UDP without EDNS. */
  static final int UDP_DEFAULT = 512;
  private static final int UDP_MAX = 4096;

  private Answers() {}

  /** A response with the query's id and question and no records. */
  static DatagramDnsResponse empty(Exchange ex, DnsResponseCode code) {
    DnsQuery q = ex.query();
    DatagramDnsResponse r = new DatagramDnsResponse(ex.local(), ex.client(), q.id(), q.opCode(), code);
    r.setRecursionDesired(q.isRecursionDesired());
    r.setRecursionAvailable(true);
    DnsQuestion question = q.count(DnsSection.QUESTION) > 0 ? q.recordAt(DnsSection.QUESTION) : null;
    if (question != null) {
      r.addRecord(DnsSection.QUESTION, question);
    }
    return r;
  }

  /** The answer for a local resolution, the first {@code limit} addresses at most. */
  static DatagramDnsResponse of(Exchange ex, Resolution resolution, int limit) {
    DatagramDnsResponse r = empty(ex, DnsResponseCode.NOERROR);
    r.setAuthoritativeAnswer(true);
    DnsQuestion question = ex.query().recordAt(DnsSection.QUESTION);
    if (resolution instanceof Resolution.Addresses a) {
      List<InetAddress> list = a.addresses();
      for (int i = 0; i < Math.min(limit, list.size()); i++) {
        InetAddress ip = list.get(i);
        DnsRecordType type = ip instanceof Inet4Address ? DnsRecordType.A : DnsRecordType.AAAA;
        r.addRecord(DnsSection.ANSWER,
            new DefaultDnsRawRecord(question.name(), type, TTL, Unpooled.wrappedBuffer(ip.getAddress())));
      }
      if (limit < list.size()) {
        r.setTruncated(true);
      }
    } else if (resolution instanceof Resolution.Pointer p) {
      r.addRecord(DnsSection.ANSWER, new DefaultDnsPtrRecord(question.name(), DnsRecord.CLASS_IN, TTL, p.name() + "."));
    }
    return r;
  }

  /** The largest answer the client takes: TCP's 65535, else its EDNS buffer size (512 without EDNS). */
  static int maxSize(Exchange ex) {
    if (ex.tcp()) {
      return 65535;
    }
    DnsQuery q = ex.query();
    for (int i = 0; i < q.count(DnsSection.ADDITIONAL); i++) {
      DnsRecord rec = q.recordAt(DnsSection.ADDITIONAL, i);
      // The decoder gives OPT back as a plain record of type OPT; its class field is the UDP payload size.
      if (rec instanceof DnsOptPseudoRecord || DnsRecordType.OPT.equals(rec.type())) {
        return Math.min(UDP_MAX, Math.max(UDP_DEFAULT, rec.dnsClass()));
      }
    }
    return UDP_DEFAULT;
  }
}
