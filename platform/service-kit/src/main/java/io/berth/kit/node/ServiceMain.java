package io.berth.kit.node;

import io.berth.kit.config.ConfigException;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.config.NodeFlags;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one service alone in its own JVM against an external Kafka ({@code --kafka}) and Hazelcast cluster
 * ({@code --cluster}), as a Kubernetes DaemonSet pod does. Each service's {@code main} calls {@link #run}.
 */
public final class ServiceMain {
  private ServiceMain() {}

  public static void run(String[] args, ServiceModule module) {
    DaemonConfig config;
    try {
      config = NodeFlags.parse(Arrays.asList(args), System.getenv());
    } catch (ConfigException e) {
      System.err.println("berth-" + module.name() + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    runUntilSignalled(config, module.name(), List.of(module), false);
  }

  /** Starts a node with {@code modules}, prints a ready line, and stops it cleanly on SIGTERM or Ctrl-C. */
  public static void runUntilSignalled(DaemonConfig config, String role, List<ServiceModule> modules, boolean embeddedKafka) {
    BerthNode node;
    try {
      node = BerthNode.start(config, role, modules, embeddedKafka);
    } catch (ConfigException e) {
      System.err.println("berth: " + e.getMessage());
      System.exit(2);
      return;
    } catch (Exception e) {
      System.err.println("berth: failed to start: " + e);
      e.printStackTrace();
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.stop();
      System.out.println("berth " + role + " stopped");
      System.out.flush();
      stopped.countDown();
    }, "berth-shutdown"));
    System.out.println("berth " + role + " ready on node " + config.nodeName() + readyHint(config));
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readyHint(DaemonConfig config) {
    if (config.hosts().isEmpty()) return "";
    return ": export DOCKER_HOST=" + config.hosts().get(0);
  }
}
