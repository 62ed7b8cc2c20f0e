package io.berth.dns.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.dns.domain.AddressRecords;
import io.berth.dns.domain.Resolution;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers assembled from pre-encoded records, read back with Netty's codec. */
class AddressAnswerTest {
  private static final InetSocketAddress CLIENT = new InetSocketAddress("172.30.0.2", 40000);
  private static final InetSocketAddress SERVER = new InetSocketAddress("172.30.0.1", 53);
  private final WireCodec codec = new WireCodec();

  @Test
  void answerKeepsTheQuestionAsAskedAndCarriesEveryRecordWithDockersTtl() throws Exception {
    List<InetAddress> ips = List.of(ip("172.30.0.5"), ip("172.30.0.6"), ip("172.30.0.7"));
    DnsResponse r = answer(query("Web.LocalNet", 1, false, true), ips, 1);
    assertEquals(0x4d2, r.id());
    assertEquals(DnsResponseCode.NOERROR, r.code());
    assertTrue(r.isAuthoritativeAnswer());
    assertTrue(r.isRecursionDesired());
    assertTrue(r.isRecursionAvailable());
    assertFalse(r.isTruncated());
    assertEquals("Web.LocalNet.", r.recordAt(DnsSection.QUESTION).name());
    assertEquals(3, r.count(DnsSection.ANSWER));
    List<InetAddress> got = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      DnsRawRecord rec = r.recordAt(DnsSection.ANSWER, i);
      assertEquals("Web.LocalNet.", rec.name());
      assertEquals(DnsRecordType.A, rec.type());
      assertEquals(600, rec.timeToLive());
      got.add(InetAddress.getByAddress(ByteBufUtil.getBytes(rec.content())));
    }
    assertEquals(List.of(ips.get(1), ips.get(2), ips.get(0)), got, "rotated from the start index");
    r.release();
  }

  @Test
  void aaaaRecordsAndRecursionNotDesired() throws Exception {
    DnsResponse r = answer(query("c1", 28, false, false), List.of(ip("fd30::5")), 0);
    assertFalse(r.isRecursionDesired());
    DnsRawRecord rec = r.recordAt(DnsSection.ANSWER, 0);
    assertEquals(DnsRecordType.AAAA, rec.type());
    assertArrayEquals(ip("fd30::5").getAddress(), ByteBufUtil.getBytes(rec.content()));
    r.release();
  }

  @Test
  void tooManyRecordsForPlainUdpAreCutAndFlaggedTruncated() throws Exception {
    List<InetAddress> ips = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      ips.add(ip("10.0." + i + ".1"));
    }
    byte[] q = query("pool", 1, false, true);
    DnsResponse r = answer(q, ips, 0);
    assertTrue(r.isTruncated());
    int fit = (Answers.UDP_DEFAULT - q.length) / 16;
    assertEquals(fit, r.count(DnsSection.ANSWER));
    r.release();
    DnsResponse edns = answer(query("pool", 1, true, true), ips, 0);
    assertFalse(edns.isTruncated(), "1232 bytes of EDNS buffer hold 60 records");
    assertEquals(60, edns.count(DnsSection.ANSWER));
    edns.release();
  }

  @Test
  void aCompressedQuestionNameTakesTheGeneralPath() throws Exception {
    // header, then a question whose name is a pointer back into the header
    byte[] q = ByteBuffer.allocate(18).putShort((short) 1).putShort((short) 0x0100).putShort((short) 1)
        .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0xC000)
        .putShort((short) 1).putShort((short) 1).array();
    Exchange ex = exchange(q);
    assertNotNull(ex, "the codec reads a pointer to the header's zero byte as the root name");
    assertNull(AddressAnswer.encode(ex, new Resolution.Addresses(List.of(ip("10.0.0.1")))));
    ex.release();
  }

  private DnsResponse answer(byte[] query, List<InetAddress> ips, int start) throws Exception {
    Exchange ex = exchange(query);
    ByteBuf out = AddressAnswer.encode(ex, new Resolution.Addresses(AddressRecords.of(ips), start));
    ex.release();
    try {
      return codec.decodeResponse(out, SERVER, CLIENT);
    } finally {
      out.release();
    }
  }

  private Exchange exchange(byte[] query) {
    ByteBuf raw = Unpooled.wrappedBuffer(query);
    DnsQuery decoded;
    try {
      decoded = codec.decodeQuery(raw, CLIENT, SERVER);
    } catch (Exception e) {
      raw.release();
      return null;
    }
    return new Exchange(new EmbeddedChannel(), false, "net", CLIENT, SERVER, decoded, raw);
  }

  private static byte[] query(String name, int type, boolean edns, boolean rd) {
    return io.berth.dns.RawQuery.of(0x4d2, name, type, edns, rd);
  }


  private static InetAddress ip(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(s, e);
    }
  }
}
