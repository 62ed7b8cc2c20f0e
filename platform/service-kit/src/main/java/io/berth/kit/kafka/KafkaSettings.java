package io.berth.kit.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a service reaches Kafka and how its topics are shaped.
 *
 * @param bootstrapServers  {@code host:port[,host:port]}, the embedded broker's or an external one's
 * @param partitions        partitions of every topic berth creates
 * @param replicationFactor replicas of every topic berth creates (1 on a single node)
 * @param clientIdPrefix    prefix of Kafka client ids, so broker logs and metrics name the service
 */
public record KafkaSettings(String bootstrapServers, int partitions, short replicationFactor, String clientIdPrefix) {

  public KafkaSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
    if (partitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException("partitions and replicationFactor must be at least 1");
    }
  }

  /** Settings for a single-node Kafka: 3 partitions, one replica, client ids starting with {@code berth}. */
  public static KafkaSettings singleNode(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, 3, (short) 1, "berth");
  }

  /**
   * Producer configuration: every record is acknowledged by all in-sync replicas, the producer is
   * idempotent (no duplicates or reordering on retry), and records leave at once ({@code linger.ms=0},
   * because Kafka 4's default of 5 ms adds 5 ms to every event on an idle pipeline).
   */
  public Map<String, Object> producerConfig(String clientName) {
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ProducerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + clientName);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return c;
  }

  /**
   * Consumer configuration with manual commits, starting from the earliest record when the group has
   * no committed offset. {@code group} may be null for a consumer that only assigns partitions.
   */
  public Map<String, Object> consumerConfig(String group, String clientName) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + clientName);
    if (group != null) {
      c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return c;
  }
}
