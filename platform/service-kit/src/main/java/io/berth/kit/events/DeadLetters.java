package io.berth.kit.events;

import io.berth.kit.kafka.RecordProducer;
import io.vertx.core.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Moves a record that could not be handled to {@link EventBus#DEADLETTER_TOPIC}: same key and value, the
 * original headers ({@code ce_*}, {@code traceparent}) and headers saying where it came from and why.
 */
final class DeadLetters {

  static final String ERROR = "berth_error";
  static final String ERROR_TYPE = "berth_error_type";
  static final String ORIGIN_TOPIC = "berth_origin_topic";
  static final String ORIGIN_PARTITION = "berth_origin_partition";
  static final String ORIGIN_OFFSET = "berth_origin_offset";
  static final String ORIGIN_GROUP = "berth_origin_group";

  private final RecordProducer producer;

  DeadLetters(RecordProducer producer) {
    this.producer = producer;
  }

  Future<Void> send(ConsumerRecord<String, byte[]> record, String group, Throwable error) {
    Headers headers = new RecordHeaders();
    for (Header h : record.headers()) {
      headers.add(h);
    }
    put(headers, ERROR, String.valueOf(error.getMessage()));
    put(headers, ERROR_TYPE, error.getClass().getName());
    put(headers, ORIGIN_TOPIC, record.topic());
    put(headers, ORIGIN_PARTITION, Integer.toString(record.partition()));
    put(headers, ORIGIN_OFFSET, Long.toString(record.offset()));
    put(headers, ORIGIN_GROUP, group);
    return producer.send(new ProducerRecord<>(EventBus.DEADLETTER_TOPIC, null, record.key(), record.value(), headers))
        .mapEmpty();
  }

  private static void put(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
