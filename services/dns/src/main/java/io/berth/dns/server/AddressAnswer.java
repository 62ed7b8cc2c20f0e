package io.berth.dns.server;

import io.berth.dns.domain.AddressRecords;
import io.berth.dns.domain.Resolution;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsSection;

/**
 * The answer to an A or AAAA lookup of a name we own, assembled from the snapshot's pre-encoded records: the
 * header, the query's question copied as it came (the client's spelling and case), then the records, whose owner
 * names point at that question. No message objects and no name encoding per query: a lookup costs a buffer and
 * three copies. Queries this shape does not fit (several questions, a compressed question name) take the general
 * path through the codec.
 */
final class AddressAnswer {
  private static final int HEADER = 12;
  private static final int QUESTION_TAIL = 4;
  private static final int QR = 0x8000;
  private static final int AA = 0x0400;
  private static final int TC = 0x0200;
  private static final int RD = 0x0100;
  private static final int RA = 0x0080;

  private AddressAnswer() {}

  /**
   * The whole answer message, as many records as fit the client's limit (the truncation bit set when some did
   * not), or null when the query needs the general path.
   */
  static ByteBuf encode(Exchange ex, Resolution.Addresses resolution) {
    if (ex.query().count(DnsSection.QUESTION) != 1) {
      return null;
    }
    ByteBuf raw = ex.raw();
    int questionEnd = questionEnd(raw);
    if (questionEnd < 0) {
      return null;
    }
    AddressRecords records = resolution.records();
    int n = records.size();
    int length = records.recordLength();
    int fit = Math.max(0, Math.min(n, (Answers.maxSize(ex) - questionEnd) / length));
    int base = raw.readerIndex();
    int flags = QR | AA | RA | (raw.getByte(base + 2) & 0x01) << 8 | (fit < n ? TC : 0);
    ByteBuf out = ex.alloc().ioBuffer(questionEnd + fit * length);
    out.writeShort(raw.getUnsignedShort(base));
    out.writeShort(flags);
    out.writeShort(1);
    out.writeShort(fit);
    out.writeShort(0);
    out.writeShort(0);
    out.writeBytes(raw, base + HEADER, questionEnd - HEADER);
    byte[] wire = records.wire();
    int start = resolution.start();
    for (int k = 0; k < fit; k++) {
      out.writeBytes(wire, ((start + k) % n) * length, length);
    }
    return out;
  }

  /**
   * Where the single question of an already decoded query ends, relative to the message start; -1 when its name
   * uses a compression pointer (the records' pointer must find the name written out at offset 12).
   */
  private static int questionEnd(ByteBuf raw) {
    int base = raw.readerIndex();
    int end = raw.writerIndex();
    int at = base + HEADER;
    while (at < end) {
      int label = raw.getUnsignedByte(at);
      if (label == 0) {
        int after = at + 1 + QUESTION_TAIL;
        return after <= end ? after - base : -1;
      }
      if ((label & 0xC0) != 0) {
        return -1;
      }
      at += 1 + label;
    }
    return -1;
  }
}
