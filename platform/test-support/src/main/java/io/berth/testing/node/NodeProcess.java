package io.berth.testing.node;

import io.berth.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An all-in-one berth node started with {@code bin/berth up} as a separate process inside a network namespace of its
 * own (a lab namespace: {@code ip netns add}, then {@code nsenter --net}), with its data root, exec root and API
 * socket in a test folder. Its Kafka and Hazelcast listen on the namespace's loopback, so nothing reaches the host's
 * network. {@link #close} stops the node and removes the namespace, even after a failed test.
 */
public final class NodeProcess implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final Path dir;
  private final String netns;
  private final String nodeName;
  private Process process;

  private NodeProcess(Path dir, String netns, String nodeName) {
    this.dir = dir;
    this.netns = netns;
    this.nodeName = nodeName;
  }

  /** A node in a fresh lab namespace; its files live under {@code dir}. Not started yet. */
  public static NodeProcess create(Path dir, String nodeName) {
    String netns = "berth-lab-" + UUID.randomUUID().toString().substring(0, 8);
    Commands.Result add = Commands.run("ip", "netns", "add", netns);
    if (!add.ok()) throw new IllegalStateException("ip netns add " + netns + " failed: " + add);
    NodeProcess node = new NodeProcess(dir, netns, nodeName);
    Commands.Result lo = Commands.run("ip", "-n", netns, "link", "set", "lo", "up");
    if (!lo.ok()) {
      node.removeNetns();
      throw new IllegalStateException("lo up failed in " + netns + ": " + lo);
    }
    return node;
  }

  public Path dataRoot() { return dir.resolve("data"); }
  public Path execRoot() { return dir.resolve("run"); }
  public Path socket() { return execRoot().resolve("docker.sock"); }
  public Path log() { return dir.resolve("node.log"); }
  public String netns() { return netns; }
  public String nodeName() { return nodeName; }
  /** The node's JVM (nsenter and bin/berth exec into it). */
  public long pid() { return process.pid(); }

  /** Starts {@code bin/berth up} and waits for its ready line; extra flags are appended. */
  public void start(String... extraFlags) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + netns, "--",
        Repo.root().resolve("bin/berth").toString(), "up",
        "--data-root", dataRoot().toString(), "--exec-root", execRoot().toString(),
        "-H", "unix://" + socket(), "--node-name", nodeName,
        "--config", config().toString()));
    cmd.addAll(List.of(extraFlags));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    pb.environment().put("BERTH_SKIP_INSTALL", "1");
    pb.environment().put("BERTH_JAVA_OPTS", "-Xmx1g");
    long logStart = Files.exists(log()) ? Files.size(log()) : 0;
    process = pb.start();
    awaitReady(logStart);
  }

  private Path config() throws IOException {
    Path config = dir.resolve("daemon.json");
    if (!Files.exists(config)) Files.writeString(config, "{\"log-level\": \"info\"}\n");
    return config;
  }

  /** Waits for the ready line this start prints (the log also holds earlier starts, before {@code logStart}). */
  private void awaitReady(long logStart) throws IOException {
    try {
      Await.until(nodeName + " ready", READY_TIMEOUT, () -> {
        String log = logSince(logStart);
        if (log.contains("berth node ready")) return true;
        if (!process.isAlive()) {
          throw new AssertionError("node exited with " + process.exitValue() + " before it was ready:\n" + tail(log));
        }
        return false;
      }, ready -> ready);
    } catch (AssertionError e) {
      if (!process.isAlive()) throw e;
      throw new AssertionError(e.getMessage() + ":\n" + tail(logSince(logStart)), e);
    }
  }

  private String logSince(long logStart) throws IOException {
    String log = Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    return log.substring((int) Math.min(logStart, log.length()));
  }

  /** Runs the real docker CLI against this node. */
  public Commands.Result docker(String... args) {
    return docker(Map.of(), args);
  }

  public Commands.Result docker(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(List.of(args));
    Map<String, String> all = new HashMap<>(env);
    all.put("DOCKER_HOST", "unix://" + socket());
    all.put("DOCKER_CONFIG", dir.resolve("docker-config").toString());
    return Commands.run(cmd, all, 60);
  }

  /** Runs a command inside the node's network namespace. */
  public Commands.Result inNetns(String... command) {
    return inNetnsEnv(Map.of(), command);
  }

  /** Runs a command inside the node's network namespace with extra environment. */
  public Commands.Result inNetnsEnv(Map<String, String> env, String... command) {
    List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + netns, "--"));
    cmd.addAll(List.of(command));
    return Commands.run(cmd, env, 90);
  }

  /**
   * Publishes an event as an event producer would: {@code bin/berth events publish TYPE --data JSON} run inside the
   * node's namespace, where its Kafka listens. {@code extra} adds flags such as {@code --key ID}.
   */
  public Commands.Result publish(String type, String json, String... extra) {
    List<String> cmd = new ArrayList<>(List.of(Repo.root().resolve("bin/berth").toString(), "events", "publish", type,
        "--exec-root", execRoot().toString(), "--data", json));
    cmd.addAll(List.of(extra));
    return inNetnsEnv(Map.of("BERTH_SKIP_INSTALL", "1"), cmd.toArray(String[]::new));
  }

  /** The network namespace file of a container's sandbox. */
  public Path sandbox(String containerId) {
    return execRoot().resolve("netns").resolve(containerId);
  }

  /** Runs a command inside a container's sandbox. */
  public Commands.Result inSandbox(String containerId, String... command) {
    List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=" + sandbox(containerId), "--"));
    cmd.addAll(List.of(command));
    return Commands.run(cmd, Map.of(), 30);
  }

  /** SIGTERM and wait: a clean stop (Kafka flushed, socket removed). Returns the exit code. */
  public int stop() throws InterruptedException {
    if (process == null || !process.isAlive()) return process == null ? 0 : process.exitValue();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    return process.exitValue();
  }

  /** SIGKILL: a crash, for recovery tests. */
  public void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      stop();
    } finally {
      unmountBelow(dir);
      removeNetns();
    }
  }

  /**
   * Lazily unmounts whatever the node left mounted in its folders (sandbox netns files and their shared run
   * directory, volume mounts), deepest first, so a test leaves nothing behind even after a crash.
   */
  public static void unmountBelow(Path dir) {
    String prefix = dir.toAbsolutePath().normalize().toString();
    List<String> points = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] fields = line.split(" ");
        if (fields.length > 4) {
          String point = fields[4].replace("\\040", " ");
          if (point.equals(prefix) || point.startsWith(prefix + "/")) points.add(point);
        }
      }
    } catch (IOException e) {
      return;
    }
    points.sort(java.util.Comparator.comparingInt(String::length).reversed());
    for (String point : points) {
      Commands.run("umount", "-l", point);
    }
  }

  private void removeNetns() {
    Commands.run("ip", "netns", "del", netns);
  }

  private static String tail(String log) {
    String[] lines = log.split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
  }
}
