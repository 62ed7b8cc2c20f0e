package io.berth.volume.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverRegistryTest {
  @TempDir Path first;
  @TempDir Path second;
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  DriverRegistry registry() {
    return new DriverRegistry(vertx, new LocalDriver(first.resolve("volumes"), null, null), List.of(first, second));
  }

  @Test
  void localNeedsNoDiscovery() {
    DriverRegistry r = registry();
    assertSame(r.local(), r.get("local").await());
    assertSame(r.local(), r.get(null).await());
  }

  @Test
  void findsSocketsAndSpecFilesInSearchOrder() throws Exception {
    Files.createFile(second.resolve("a.sock"));
    Files.writeString(second.resolve("b.spec"), "unix:///run/b/b.sock\n");
    Files.writeString(second.resolve("c.json"), "{\"Name\":\"c\",\"Addr\":\"tcp://127.0.0.1:9999\"}");
    Files.createDirectories(first.resolve("d"));
    Files.createFile(first.resolve("d/d.sock"));
    Files.writeString(first.resolve("a.spec"), "unix:///first/a.sock");
    DriverRegistry r = registry();
    assertEquals(SocketAddress.domainSocketAddress("/first/a.sock").path(), r.discover("a").orElseThrow().path(),
        "the first directory wins");
    assertEquals("/run/b/b.sock", r.discover("b").orElseThrow().path());
    assertEquals(9999, r.discover("c").orElseThrow().port());
    assertEquals(first.resolve("d/d.sock").toString(), r.discover("d").orElseThrow().path());
    assertTrue(r.discover("e").isEmpty());
  }

  @Test
  void anUnknownPluginIsDockersNotFound() {
    Throwable e = registry().get("nosuch").cause();
    assertTrue(e instanceof BerthException.NotFound, String.valueOf(e));
    assertEquals("error looking up volume plugin nosuch: plugin \"nosuch\" not found", e.getMessage());
  }

  @Test
  void aPluginThatDoesNotAnswerIsAnError() throws Exception {
    Files.writeString(first.resolve("dead.spec"), "unix://" + first.resolve("nobody-listens.sock"));
    Throwable e = registry().get("dead").toCompletionStage().handle((ok, err) -> err).toCompletableFuture().get();
    assertTrue(e instanceof BerthException.Internal, String.valueOf(e));
    assertTrue(e.getMessage().startsWith("Plugin.Activate: "), e.getMessage());
  }
}
