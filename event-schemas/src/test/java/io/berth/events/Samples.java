package io.berth.events;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.events.container.DnsConfig;
import io.berth.events.container.LogConfig;
import io.berth.events.container.Mount;
import io.berth.events.container.NetworkAttachment;
import io.berth.events.container.PortBinding;
import io.berth.events.container.Stdio;
import io.berth.events.container.SwarmTask;
import io.berth.events.container.VolumeOptions;
import io.berth.events.dns.DnsSandboxConfigured;
import io.berth.events.dns.DnsSandboxFailed;
import io.berth.events.ingress.Backend;
import io.berth.events.ingress.IngressPort;
import io.berth.events.ingress.IngressProgrammed;
import io.berth.events.ingress.IngressRemoved;
import io.berth.events.logging.LogConfigRejected;
import io.berth.events.logging.LogLinesDropped;
import io.berth.events.logging.LogSinkRecovered;
import io.berth.events.logging.LoggingAttached;
import io.berth.events.network.EndpointJoined;
import io.berth.events.network.EndpointLeft;
import io.berth.events.network.HostReconciled;
import io.berth.events.network.NetworkCreated;
import io.berth.events.network.NetworkRemoved;
import io.berth.events.network.NetworkScope;
import io.berth.events.network.PortsPublished;
import io.berth.events.network.PortsUnpublished;
import io.berth.events.network.PublishedPort;
import io.berth.events.network.SandboxInterface;
import io.berth.events.network.SandboxFailed;
import io.berth.events.network.SandboxReady;
import io.berth.events.network.SandboxRemoved;
import io.berth.events.network.Subnet;
import io.berth.events.service.EndpointSpec;
import io.berth.events.service.ServiceCreated;
import io.berth.events.service.ServiceMode;
import io.berth.events.service.ServicePort;
import io.berth.events.service.ServiceRemoved;
import io.berth.events.service.ServiceUpdated;
import io.berth.events.service.TaskAddress;
import io.berth.events.service.TaskStarted;
import io.berth.events.service.TaskStopped;
import io.berth.events.volume.VolumeCreated;
import io.berth.events.volume.VolumeMountFailed;
import io.berth.events.volume.VolumeMounted;
import io.berth.events.volume.VolumeRemoved;
import io.berth.events.volume.VolumeUnmounted;
import io.berth.events.volume.VolumesPruned;
import java.util.List;
import java.util.Map;

/** A realistic instance of every event record, every field filled, keyed by event type. */
final class Samples {

  static final String CONTAINER = "4f2c8a1be0d94c7fa3b61e5d2c9087f1a2b3c4d5e6f708192a3b4c5d6e7f8091";
  static final String NETWORK = "9a8b7c6d5e4f30211234567890abcdef9a8b7c6d5e4f30211234567890abcdef";
  static final String ENDPOINT = "0011223344556677889900aabbccddeeff0011223344556677889900aabbccdd";
  static final String SERVICE = "k3v9x2m8q1w7e5r4t6y0u2i8o";
  static final String TASK = "p9o8i7u6y5t4r3e2w1q0a9s8d";
  static final String NODE = "node-1";

  private static final ServicePort PORT_5000 = new ServicePort(Protocol.TCP, 80, 5000, ServicePort.PublishMode.HOST);
  private static final EndpointSpec ENDPOINTS = new EndpointSpec(EndpointSpec.Mode.VIP, List.of(PORT_5000));
  private static final List<TaskAddress> TASK_ADDRESSES =
      List.of(new TaskAddress("ingress", "10.255.0.7/16", null), new TaskAddress("web", "10.0.1.5/24", "fd00::5/64"));
  private static final List<PublishedPort> PUBLISHED =
      List.of(new PublishedPort(Protocol.TCP, 80, "0.0.0.0", 5000), new PublishedPort(Protocol.UDP, 53, "::", 5353));

  private static final Map<String, Record> BY_TYPE = Map.ofEntries(
      Map.entry("io.berth.container.created", containerCreated()),
      Map.entry("io.berth.container.started", new ContainerStarted(CONTAINER, NODE, 4242)),
      Map.entry("io.berth.container.stopped", new ContainerStopped(CONTAINER, NODE, 137)),
      Map.entry("io.berth.container.removed", new ContainerRemoved(CONTAINER, NODE, true)),
      Map.entry("io.berth.service.created", new ServiceCreated(SERVICE, "svc1", Map.of("tier", "web"),
          ServiceMode.REPLICATED, 3, ENDPOINTS, List.of("web"))),
      Map.entry("io.berth.service.updated", new ServiceUpdated(SERVICE, "svc1", Map.of("tier", "web"),
          ServiceMode.GLOBAL, null, new EndpointSpec(EndpointSpec.Mode.DNSRR, List.of()), List.of("web"))),
      Map.entry("io.berth.service.removed", new ServiceRemoved(SERVICE, "svc1")),
      Map.entry("io.berth.service.task.started", new TaskStarted(TASK, SERVICE, 1, NODE, CONTAINER, TASK_ADDRESSES)),
      Map.entry("io.berth.service.task.stopped", new TaskStopped(TASK, SERVICE, 1, NODE, CONTAINER, TASK_ADDRESSES)),
      Map.entry("io.berth.volume.created", new VolumeCreated("bizvol", "local", NODE,
          "/var/lib/berth/volumes/bizvol/_data", "2026-11-27T18:00:00.123456789Z", Map.of("team", "biz"),
          Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=100m"), false)),
      Map.entry("io.berth.volume.removed", new VolumeRemoved("bizvol", "local", NODE)),
      Map.entry("io.berth.volume.mounted", new VolumeMounted("bizvol", "local", NODE, CONTAINER,
          "/var/lib/berth/volumes/bizvol/_data", "/vol", 1)),
      Map.entry("io.berth.volume.unmounted", new VolumeUnmounted("bizvol", "local", NODE, CONTAINER,
          "/var/lib/berth/volumes/bizvol/_data", "/vol", 0)),
      Map.entry("io.berth.volume.mount.failed", new VolumeMountFailed(CONTAINER, NODE, "bizvol", 400,
          "subpath must be a relative path within the volume: ../etc")),
      Map.entry("io.berth.volume.pruned", new VolumesPruned(NODE, List.of("bizvol", CONTAINER), 1_048_576L)),
      Map.entry("io.berth.network.network.created", new NetworkCreated(NETWORK, "localnet", "bridge",
          NetworkScope.LOCAL, NODE, List.of(new Subnet("172.18.0.0/16", "172.18.0.1", "172.18.5.0/24")), false,
          Map.of("env", "lab"), Map.of("com.docker.network.bridge.name", "br-9a8b7c6d5e4f"))),
      Map.entry("io.berth.network.network.removed", new NetworkRemoved(NETWORK, "localnet", "bridge",
          NetworkScope.LOCAL, NODE)),
      Map.entry("io.berth.network.sandbox.ready", new SandboxReady(CONTAINER, "/run/berth/netns/" + CONTAINER, NODE,
          List.of(new SandboxInterface("eth0", NETWORK, "02:42:ac:12:00:02", "172.18.0.2/16", "fd00::2/64",
              "172.18.0.1")))),
      Map.entry("io.berth.network.sandbox.failed", new SandboxFailed(CONTAINER, NODE, 404,
          "network localnet not found")),
      Map.entry("io.berth.network.sandbox.removed", new SandboxRemoved(CONTAINER, "/run/berth/netns/" + CONTAINER,
          NODE)),
      Map.entry("io.berth.network.endpoint.joined", new EndpointJoined(ENDPOINT, NETWORK, "localnet", CONTAINER, "c1",
          List.of("web"), "172.18.0.2/16", null, "02:42:ac:12:00:02", NODE, true)),
      Map.entry("io.berth.network.endpoint.left", new EndpointLeft(ENDPOINT, NETWORK, "localnet", CONTAINER, "c1",
          List.of("web"), "172.18.0.2/16", "fd00::2/64", "02:42:ac:12:00:02", NODE, true)),
      Map.entry("io.berth.network.ports.published", new PortsPublished(CONTAINER, NODE, PUBLISHED)),
      Map.entry("io.berth.network.ports.unpublished", new PortsUnpublished(CONTAINER, NODE, PUBLISHED)),
      Map.entry("io.berth.network.host.reconciled", new HostReconciled(NODE, List.of("link br-0a1b2c3d4e5f"),
          List.of("nft table inet berth"))),
      Map.entry("io.berth.dns.sandbox.configured", new DnsSandboxConfigured(CONTAINER, NODE,
          "/var/lib/berth/containers/" + CONTAINER + "/resolv.conf",
          "/var/lib/berth/containers/" + CONTAINER + "/hosts",
          "/var/lib/berth/containers/" + CONTAINER + "/hostname",
          List.of("127.0.0.11"), List.of("dockercerts.com"), List.of("ndots:0"))),
      Map.entry("io.berth.dns.sandbox.failed", new DnsSandboxFailed(CONTAINER, NODE, 500,
          "write /var/lib/berth/containers/" + CONTAINER + "/resolv.conf: no space left on device")),
      Map.entry("io.berth.logging.container.attached", new LoggingAttached(CONTAINER, NODE,
          "/run/berth/fifo/" + CONTAINER + "-stdout", "/run/berth/fifo/" + CONTAINER + "-stderr", "json-file")),
      Map.entry("io.berth.logging.lines.dropped", new LogLinesDropped(CONTAINER, NODE, 12, "buffer-full")),
      Map.entry("io.berth.logging.sink.recovered", new LogSinkRecovered(CONTAINER, NODE, "syslog", 2_500)),
      Map.entry("io.berth.logging.config.rejected", new LogConfigRejected(CONTAINER, NODE, "json-file",
          "unknown log opt 'x' for json-file log driver")),
      Map.entry("io.berth.ingress.service.programmed", new IngressProgrammed(SERVICE, NODE, "10.255.0.5",
          List.of(new IngressPort(Protocol.TCP, 80, 5000, IngressPort.PublishMode.INGRESS)),
          List.of(new Backend(TASK, "10.255.0.7", NODE)))),
      Map.entry("io.berth.ingress.service.removed", new IngressRemoved(SERVICE, NODE, "10.255.0.5")));

  private Samples() {
  }

  /** The sample of {@code type}; fails when the test suite has none (a new type needs one). */
  static Record of(String type) {
    Record sample = BY_TYPE.get(type);
    if (sample == null) {
      throw new AssertionError("no sample for " + type + ": add one to Samples");
    }
    return sample;
  }

  static ContainerCreated containerCreated() {
    return new ContainerCreated(CONTAINER, "web", NODE, "nginx:1.27", "web", "example.org",
        "2026-11-27T18:00:00Z", Map.of("com.example.tier", "front"), null, "localnet",
        List.of(new NetworkAttachment("localnet", List.of("www", "frontend"), "172.18.0.10", "fd00::10",
            "02:42:ac:12:00:0a", Map.of("com.example.opt", "1"))),
        List.of(new PortBinding(80, Protocol.TCP, "", "5000"), new PortBinding(53, Protocol.UDP, "127.0.0.1", "")),
        false,
        List.of(new Mount(Mount.Type.VOLUME, "bizvol", "/vol", false, "local",
                new VolumeOptions(Map.of("type", "tmpfs"), Map.of("team", "biz"), true, "data")),
            new Mount(Mount.Type.BIND, "/srv/site", "/usr/share/nginx/html", true, null, null),
            new Mount(Mount.Type.TMPFS, null, "/tmp", false, null, null)),
        List.of("/var/cache/nginx"), null,
        new LogConfig("syslog", Map.of("syslog-address", "udp://127.0.0.1:514", "env", "STAGE")),
        new Stdio("/run/runtime/" + CONTAINER + "/stdout", "/run/runtime/" + CONTAINER + "/stderr"),
        false,
        new DnsConfig(List.of("10.0.0.53"), List.of("dockercerts.com"), List.of("ndots:2")),
        List.of("db:10.0.0.7"), true, List.of("STAGE=lab", "PATH=/usr/bin"),
        new SwarmTask(SERVICE, "svc1", TASK, 1));
  }
}
