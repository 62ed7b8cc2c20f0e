package io.berth.kit.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** CloudEvents to and from Kafka records in binary mode ({@code ce_*} headers, the data as the value). */
final class CloudEventRecords {

  /** The CloudEvents Kafka binding's extension naming the record key. */
  static final String PARTITION_KEY = "partitionkey";

  private CloudEventRecords() {
  }

  /** The record for {@code event}; its key is the {@code partitionkey} extension, else the subject, else none. */
  static ProducerRecord<String, byte[]> toRecord(String topic, CloudEvent event) {
    return KafkaMessageFactory.<String>createWriter(topic, null, null, keyOf(event)).writeBinary(event);
  }

  /** The event carried by {@code record}; throws {@link io.cloudevents.rw.CloudEventRWException} if it is none. */
  static CloudEvent toEvent(ConsumerRecord<String, byte[]> record) {
    return KafkaMessageFactory.createReader(record).toEvent();
  }

  static String keyOf(CloudEvent event) {
    Object key = event.getExtension(PARTITION_KEY);
    if (key != null) {
      return key.toString();
    }
    return event.getSubject();
  }
}
