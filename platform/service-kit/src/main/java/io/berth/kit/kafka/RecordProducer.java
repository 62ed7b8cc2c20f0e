package io.berth.kit.kafka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * One idempotent, {@code acks=all} Kafka producer for a service, shared by its event bus and state stores.
 *
 * <p>{@link KafkaProducer#send} may block while it fetches metadata for a topic it has not seen, so
 * sends run on a dedicated thread, never on the caller's event loop; that single thread also keeps the
 * callers' order. Results come back on the caller's Vert.x context.
 */
public final class RecordProducer implements AutoCloseable {

  private final Vertx vertx;
  private final KafkaProducer<String, byte[]> producer;
  private final ExecutorService sender;

  public RecordProducer(Vertx vertx, KafkaSettings settings, String clientName) {
    this.vertx = vertx;
    this.producer = new KafkaProducer<>(settings.producerConfig(clientName));
    this.sender = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "berth-kafka-send-" + clientName);
      t.setDaemon(true);
      return t;
    });
  }

  /** Sends a record; the future completes once all in-sync replicas have it, or fails with Kafka's error. */
  public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    try {
      sender.execute(() -> {
        try {
          producer.send(record, (metadata, error) -> {
            if (error != null) {
              acked.completeExceptionally(error);
            } else {
              acked.complete(metadata);
            }
          });
        } catch (RuntimeException e) {
          acked.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(new IllegalStateException("producer closed", e));
    }
    // bound to the caller's context, so its callbacks run there and not on Kafka's I/O thread
    return Future.fromCompletionStage(acked, context);
  }

  /** Flushes what is in flight and closes the producer, off the event loop. */
  public Future<Void> closeAsync() {
    return vertx.executeBlocking(() -> {
      close();
      return null;
    });
  }

  @Override
  public void close() {
    sender.shutdown();
    producer.close(Duration.ofSeconds(10));
  }
}
