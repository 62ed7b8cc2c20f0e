package io.berth.kit.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a whole topic once, from the beginning to the end offsets it has when the read starts, without a
 * consumer group (partitions are assigned, nothing is committed). Used to rebuild state from compacted
 * topics. Blocking: call it from a worker thread.
 */
public final class TopicReader {

  private static final Duration POLL = Duration.ofMillis(200);

  private TopicReader() {
  }

  /**
   * Feeds every record of {@code topic}, partition by partition in offset order, to {@code sink}.
   * A topic that does not exist reads as empty.
   *
   * @return the number of records read
   * @throws TimeoutException when the end is not reached within {@code timeout}
   */
  public static long readToEnd(KafkaSettings settings, String topic, Duration timeout,
                               Consumer<ConsumerRecord<String, byte[]>> sink) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> config = settings.consumerConfig(null, "reader-" + topic);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(topic, timeout)) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
      if (partitions.isEmpty()) {
        return 0;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // endOffsets, not committed(): there is no group, and the end at start is what "rebuilt" means
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long count = 0;
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("reading " + topic + " did not reach " + end + " within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            sink.accept(record);
            count++;
          }
        }
      }
      return count;
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
