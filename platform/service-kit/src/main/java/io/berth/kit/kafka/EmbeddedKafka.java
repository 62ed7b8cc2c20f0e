package io.berth.kit.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single Apache Kafka node (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>The all-in-one node uses it so that berth needs no external Kafka. The data directory is formatted
 * on the first start (the equivalent of {@code kafka-storage.sh format --standalone}) and reused after,
 * so topics and their records survive a restart. Ports picked on the first start are remembered in
 * {@code <dataDir>/berth-kafka.properties}, so a node keeps its bootstrap address across restarts.
 *
 * <p>This class needs the optional {@code kafka_2.13}, {@code kafka-server} and {@code kafka-server-common}
 * artifacts on the class path; a service that talks to an external Kafka does not load it.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String PORTS_FILE = "berth-kafka.properties";
  /** The default 128 MiB log cleaner buffer dominates the heap of a small node; compacted state topics are small. */
  private static final String CLEANER_BUFFER = Integer.toString(4 * 1024 * 1024);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path dataDir;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
  }

  /**
   * Starts a broker whose data lives in {@code dataDir}, formatting it first if it was never used.
   * Blocks until the broker is unfenced and accepts produce requests (about two seconds on a cold JVM):
   * call it from a worker thread, never from an event loop.
   *
   * @param dataDir the broker's directory, typically {@code <data-root>/kafka}
   * @param host    the address to listen on and advertise, e.g. {@code 127.0.0.1} (not a wildcard)
   * @param port    the client port; 0 reuses the port of the previous start, or picks a free one
   * @throws KafkaStartException when formatting or start-up fails
   */
  public static EmbeddedKafka start(Path dataDir, String host, int port) {
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      // the same address is advertised to clients, so it must be one they can connect to
      throw new IllegalArgumentException("embedded Kafka needs a concrete listen address, not '" + host + "'");
    }
    try {
      Files.createDirectories(dataDir);
      Properties ports = loadPorts(dataDir);
      int clientPort = port != 0 ? port : portOrFree(ports, "port", host);
      int controllerPort = portOrFree(ports, "controller.port", host);
      ports.setProperty("port", Integer.toString(clientPort));
      ports.setProperty("controller.port", Integer.toString(controllerPort));

      Properties config = brokerConfig(dataDir, host, clientPort, controllerPort);
      Path logDir = dataDir.resolve("logs");
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(dataDir, config);
      }
      store(ports, dataDir.resolve(PORTS_FILE));

      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
      server.startup();
      String bootstrap = host + ":" + clientPort;
      LOG.info("Embedded Kafka ready at {} (data {})", bootstrap, dataDir);
      return new EmbeddedKafka(server, bootstrap, dataDir);
    } catch (IOException e) {
      throw new KafkaStartException("cannot prepare the Kafka data directory " + dataDir, e);
    } catch (RuntimeException e) {
      if (e instanceof KafkaStartException) {
        throw e;
      }
      throw new KafkaStartException("embedded Kafka failed to start in " + dataDir, e);
    }
  }

  /** The {@code host:port} clients connect to. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The directory holding the broker's logs and metadata. */
  public Path dataDir() {
    return dataDir;
  }

  /** Shuts the broker down cleanly and waits for it, so a later start on the same directory needs no recovery. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Embedded Kafka at {} stopped", bootstrapServers);
  }

  private static Properties brokerConfig(Path dataDir, String host, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dataDir.resolve("logs").toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.cleaner.dedupe.buffer.size", CLEANER_BUFFER);
    return p;
  }

  private static void format(Path dataDir, Properties config) throws IOException {
    Path propsFile = dataDir.resolve("server.properties");
    store(config, propsFile);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      rc = StorageTool.execute(new String[] {
          "format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString(), "--standalone"}, print);
    }
    if (rc != 0) {
      throw new KafkaStartException("kafka-storage format failed (" + rc + "): "
          + out.toString(StandardCharsets.UTF_8).trim(), null);
    }
    LOG.info("Formatted Kafka storage in {}", dataDir);
  }

  private static int portOrFree(Properties remembered, String key, String host) throws IOException {
    String value = remembered.getProperty(key);
    if (value != null) {
      return Integer.parseInt(value);
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    }
  }

  private static Properties loadPorts(Path dataDir) throws IOException {
    Properties p = new Properties();
    Path file = dataDir.resolve(PORTS_FILE);
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      }
    }
    return p;
  }

  private static void store(Properties p, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "written by berth");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
