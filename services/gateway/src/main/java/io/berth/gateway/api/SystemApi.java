package io.berth.gateway.api;

import io.berth.kit.config.ApiHost;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.http.ServiceHttp;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The node-level endpoints the gateway answers itself: {@code /_ping}, {@code /version}, {@code /info}. Field names
 * and headers are dockerd's, since the CLI reads them (negotiation uses the ping's {@code Api-Version}).
 */
public final class SystemApi {
  private static final Instant STARTED = Instant.now();
  private final DaemonConfig config;
  private final HostFacts host;

  public SystemApi(DaemonConfig config) {
    this.config = config;
    this.host = HostFacts.read();
  }

  public void ping(RoutingContext rc) {
    var r = rc.response()
        .putHeader("Api-Version", ApiVersion.MAX.toString())
        .putHeader("Ostype", "linux")
        .putHeader("Docker-Experimental", "false")
        .putHeader("Swarm", "inactive")
        .putHeader("Cache-Control", "no-cache, no-store, must-revalidate")
        .putHeader("Pragma", "no-cache")
        .putHeader("Content-Type", "text/plain; charset=utf-8");
    if (rc.request().method() == HttpMethod.HEAD) {
      r.putHeader("Content-Length", "0").end();
    } else {
      r.end("OK");
    }
  }

  public void version(RoutingContext rc) {
    JsonObject details = new JsonObject()
        .put("ApiVersion", ApiVersion.MAX.toString())
        .put("MinAPIVersion", ApiVersion.MIN.toString())
        .put("Os", "linux").put("Arch", host.arch()).put("KernelVersion", host.kernel())
        .put("GitCommit", BerthVersion.commit()).put("GoVersion", "java" + Runtime.version().feature())
        .put("BuildTime", BerthVersion.buildTime()).put("Experimental", "false");
    ServiceHttp.json(rc, 200, new JsonObject()
        .put("Platform", new JsonObject().put("Name", "berth"))
        .put("Components", new JsonArray().add(new JsonObject()
            .put("Name", "Engine").put("Version", BerthVersion.version()).put("Details", details)))
        .put("Version", BerthVersion.version())
        .put("ApiVersion", ApiVersion.MAX.toString())
        .put("MinAPIVersion", ApiVersion.MIN.toString())
        .put("GitCommit", BerthVersion.commit())
        .put("GoVersion", "java" + Runtime.version())
        .put("Os", "linux")
        .put("Arch", host.arch())
        .put("KernelVersion", host.kernel())
        .put("BuildTime", BerthVersion.buildTime())
        .put("Experimental", false));
  }

  public void info(RoutingContext rc) {
    ServiceHttp.json(rc, 200, new JsonObject()
        .put("ID", config.nodeName())
        .put("Name", config.nodeName())
        .put("Containers", 0).put("ContainersRunning", 0).put("ContainersPaused", 0).put("ContainersStopped", 0)
        .put("Images", 0)
        .put("Driver", "berth")
        .put("DriverStatus", new JsonArray().add(new JsonArray().add("Data Root").add(config.dataRoot().toString())))
        .put("Plugins", new JsonObject().put("Volume", new JsonArray()).put("Network", new JsonArray())
            .put("Log", new JsonArray()).put("Authorization", null))
        .put("DockerRootDir", config.dataRoot().toString())
        .put("LoggingDriver", config.logDriver())
        .put("CgroupDriver", "none")
        .put("NEventsListener", 0)
        .put("KernelVersion", host.kernel())
        .put("OperatingSystem", host.os())
        .put("OSType", "linux")
        .put("Architecture", host.machine())
        .put("NCPU", Runtime.getRuntime().availableProcessors())
        .put("MemTotal", host.memTotal())
        .put("ServerVersion", BerthVersion.version())
        .put("Debug", config.debug())
        .put("SystemTime", Instant.now().toString())
        .put("Labels", new JsonArray().add("io.berth.started=" + STARTED))
        .put("ExperimentalBuild", false)
        .put("LiveRestoreEnabled", false)
        .put("Swarm", new JsonObject().put("LocalNodeState", "inactive").put("ControlAvailable", false)
            .put("NodeID", "").put("NodeAddr", "").put("RemoteManagers", null))
        .put("Warnings", apiWarnings(config)));
  }

  /**
   * dockerd's {@code docker info} warnings for TCP listeners anyone who reaches them may use: without TLS, or with TLS
   * but no client verification (daemon/info.go fillAPIInfo).
   */
  static JsonArray apiWarnings(DaemonConfig config) {
    JsonArray warnings = new JsonArray();
    for (ApiHost host : config.apiHosts()) {
      if (!host.isTcp()) continue;
      String address = host.host().contains(":") ? "[" + host.host() + "]:" + host.port() : host.host() + ":" + host.port();
      if (!config.tls().enabled()) {
        warnings.add("API is accessible on http://" + address + " without encryption." + ATTACK_SURFACE);
      } else if (!config.tls().verify()) {
        warnings.add("API is accessible on https://" + address + " without TLS client verification." + ATTACK_SURFACE);
      }
    }
    return warnings;
  }

  private static final String ATTACK_SURFACE = """

               Access to the remote API is equivalent to root access on the host. Refer
               to the 'Docker daemon attack surface' section in the documentation for
               more information: https://docs.docker.com/go/attack-surface/""";

  /** Facts about the host, read once: what {@code uname} and {@code /etc/os-release} say. */
  record HostFacts(String kernel, String os, String arch, String machine, long memTotal) {
    static HostFacts read() {
      String machine = System.getProperty("os.arch");
      String goArch = Map.of("amd64", "amd64", "x86_64", "amd64", "aarch64", "arm64").getOrDefault(machine, machine);
      return new HostFacts(firstLine("/proc/sys/kernel/osrelease", System.getProperty("os.version")),
          prettyName(), goArch, "amd64".equals(goArch) ? "x86_64" : machine, readMemTotal());
    }

    private static String firstLine(String file, String fallback) {
      try {
        return Files.readAllLines(Path.of(file)).get(0).trim();
      } catch (IOException | IndexOutOfBoundsException e) {
        return fallback;
      }
    }

    private static String prettyName() {
      try {
        return Files.readAllLines(Path.of("/etc/os-release")).stream()
            .filter(l -> l.startsWith("PRETTY_NAME="))
            .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""))
            .findFirst().orElse("Linux");
      } catch (IOException e) {
        return "Linux";
      }
    }

    private static long readMemTotal() {
      try {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
            .filter(l -> l.startsWith("MemTotal:"))
            .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
            .findFirst().orElse(0);
      } catch (IOException | NumberFormatException e) {
        return 0;
      }
    }
  }
}
