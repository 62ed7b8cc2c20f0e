package io.berth.events;

import io.berth.events.container.ContainerCreated;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What validation costs per event: create (serialize + validate) and data (validate + decode). */
@Tag("bench")
class EventCodecBench {

  private static final int WARMUP = 5_000;
  private static final int N = 20_000;

  @Test
  void containerCreatedRoundTrip() {
    ContainerCreated sample = Samples.containerCreated();
    CloudEvent event = null;
    for (int i = 0; i < WARMUP; i++) {
      event = BerthEvents.create("io.berth.container.created", "urn:bench", sample.id(), sample);
      BerthEvents.data(event, ContainerCreated.class);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < N; i++) {
      event = BerthEvents.create("io.berth.container.created", "urn:bench", sample.id(), sample);
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < N; i++) {
      BerthEvents.data(event, ContainerCreated.class);
    }
    long t2 = System.nanoTime();
    System.out.printf("container.created (%d bytes): create %.1f us/event, data %.1f us/event%n",
        event.getData().toBytes().length, (t1 - t0) / 1e3 / N, (t2 - t1) / 1e3 / N);
  }
}
