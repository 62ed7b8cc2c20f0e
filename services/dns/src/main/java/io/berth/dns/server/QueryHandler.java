package io.berth.dns.server;

import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.QueryType;
import io.berth.dns.domain.RecordSnapshot;
import io.berth.dns.domain.Resolution;
import io.berth.dns.domain.Resolver;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one query: refuses sources that are not endpoints of the listener's network (never larger than the
 * query, so the server cannot amplify), answers names it owns from the current snapshot, and forwards the rest
 * byte for byte to the requester's upstream servers.
 */
public final class QueryHandler {
  private static final Logger LOG = LoggerFactory.getLogger(QueryHandler.class);

  private final Supplier<RecordSnapshot> records;
  private final Resolver resolver;
  private final RequesterPolicy policy;
  private final Forwarder forwarder;
  private final WireCodec codec;
  private final DnsMetrics metrics;

  public QueryHandler(Supplier<RecordSnapshot> records, Resolver resolver, RequesterPolicy policy,
                      Forwarder forwarder, WireCodec codec, DnsMetrics metrics) {
    this.records = records;
    this.resolver = resolver;
    this.policy = policy;
    this.forwarder = forwarder;
    this.codec = codec;
    this.metrics = metrics;
  }

  /** Counts a packet the codec could not read (it is dropped without an answer). */
  void malformed() {
    metrics.dropped();
  }

  /** Handles the exchange and releases it, now or when a forwarded answer arrives. */
  void handle(Exchange ex) {
    boolean later = false;
    try {
      later = answer(ex);
    } catch (Exception e) {
      metrics.dropped();
      LOG.debug("query from {} dropped: {}", ex.client(), e.toString());
    } finally {
      if (!later) {
        ex.release();
      }
    }
  }

  private boolean answer(Exchange ex) throws Exception {
    if (ex.query().count(DnsSection.QUESTION) == 0) {
      metrics.dropped();
      return false;
    }
    RecordSnapshot snapshot = records.get();
    EndpointRecord requester = snapshot.requester(ex.networkId(), ex.client().getAddress());
    if (requester == null) {
      refuse(ex);
      return false;
    }
    if (!DnsOpCode.QUERY.equals(ex.query().opCode())) {
      send(ex, Answers.empty(ex, DnsResponseCode.NOTIMP));
      return false;
    }
    DnsQuestion question = ex.query().recordAt(DnsSection.QUESTION);
    Resolution resolution = resolver.resolve(snapshot, ex.networkId(), ex.client().getAddress(), question.name(),
        QueryType.of(question.type().intValue()), policy.setsNdots(requester.containerId()));
    if (resolution instanceof Resolution.Forward) {
      return forward(ex, question, policy.upstreams(requester.containerId()));
    }
    if (resolution instanceof Resolution.Refused) {
      refuse(ex);
      return false;
    }
    metrics.local();
    sendLocal(ex, resolution);
    return false;
  }

  private void refuse(Exchange ex) throws Exception {
    metrics.refused();
    DatagramDnsResponse r = Answers.empty(ex, DnsResponseCode.REFUSED);
    ByteBuf bytes;
    try {
      bytes = codec.encode(r);
    } finally {
      r.release();
    }
    if (bytes.readableBytes() > ex.raw().readableBytes()) {
      // A question that decodes larger than it came (compression pointers): answering would amplify.
      bytes.release();
      return;
    }
    ex.send(bytes);
  }

  private void sendLocal(Exchange ex, Resolution resolution) throws Exception {
    if (resolution instanceof Resolution.Addresses a) {
      ByteBuf answer = AddressAnswer.encode(ex, a);
      if (answer != null) {
        ex.send(answer);
        return;
      }
    }
    int max = Answers.maxSize(ex);
    int limit = resolution instanceof Resolution.Addresses a ? a.addresses().size() : 1;
    while (true) {
      DatagramDnsResponse r = Answers.of(ex, resolution, limit);
      ByteBuf bytes;
      try {
        bytes = codec.encode(r);
      } finally {
        r.release();
      }
      if (bytes.readableBytes() <= max || limit == 0) {
        ex.send(bytes);
        return;
      }
      bytes.release();
      limit = limit / 2;
    }
  }

  private void send(Exchange ex, DatagramDnsResponse r) throws Exception {
    try {
      ex.send(codec.encode(r));
    } finally {
      r.release();
    }
  }

  private boolean forward(Exchange ex, DnsQuestion question, List<InetSocketAddress> upstreams) throws Exception {
    if (upstreams.isEmpty()) {
      metrics.failed();
      send(ex, Answers.empty(ex, DnsResponseCode.SERVFAIL));
      return false;
    }
    ex.detach();
    int id = ex.query().id();
    forwarder.forward(ex.raw(), question, upstreams).whenComplete((answer, error) -> {
      try {
        if (error != null) {
          metrics.failed();
          send(ex, Answers.empty(ex, DnsResponseCode.SERVFAIL));
        } else if (!ex.tcp() && answer.readableBytes() > Answers.maxSize(ex)) {
          // Too big for the client's UDP buffer: say so, and it asks again over TCP.
          answer.release();
          metrics.forwarded();
          DatagramDnsResponse r = Answers.empty(ex, DnsResponseCode.NOERROR);
          r.setTruncated(true);
          send(ex, r);
        } else {
          metrics.forwarded();
          answer.setShort(0, id);
          ex.send(answer);
        }
      } catch (Exception e) {
        LOG.debug("forwarded answer to {} lost: {}", ex.client(), e.toString());
      } finally {
        ex.release();
      }
    });
    return true;
  }
}
