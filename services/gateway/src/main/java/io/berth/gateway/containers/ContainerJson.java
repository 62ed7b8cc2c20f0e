package io.berth.gateway.containers;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.Mount;
import io.berth.events.container.NetworkAttachment;
import io.berth.events.container.PortBinding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** Docker's JSON shapes for a container: the inspect document and the summary of {@code GET /containers/json}. */
public final class ContainerJson {
  private ContainerJson() {}

  public static JsonObject inspect(ContainerView c) {
    ContainerCreated s = c.spec();
    return new JsonObject()
        .put("Id", s.id())
        .put("Created", s.createdAt())
        .put("Path", "")
        .put("Args", new JsonArray())
        .put("State", new JsonObject()
            .put("Status", c.status()).put("Running", c.running()).put("Paused", false).put("Restarting", false)
            .put("OOMKilled", false).put("Dead", false).put("Pid", c.pid()).put("ExitCode", c.exitCode())
            .put("Error", "").put("StartedAt", c.startedAt()).put("FinishedAt", c.finishedAt()))
        .put("Image", s.image())
        .put("Name", "/" + s.name())
        .put("RestartCount", 0)
        .put("Driver", "berth")
        .put("Platform", "linux")
        .put("HostConfig", new JsonObject()
            .put("NetworkMode", s.networkMode())
            .put("LogConfig", new JsonObject().put("Type", s.logConfig().type()).put("Config", new JsonObject(new java.util.HashMap<>(s.logConfig().config()))))
            .put("PortBindings", portBindings(s))
            .put("PublishAllPorts", s.publishAllPorts())
            .put("AutoRemove", s.autoRemove())
            .put("Dns", new JsonArray(s.dns().servers()))
            .put("DnsSearch", new JsonArray(s.dns().search()))
            .put("DnsOptions", new JsonArray(s.dns().options()))
            .put("ExtraHosts", new JsonArray(s.extraHosts())))
        .put("Mounts", mounts(s))
        .put("Config", new JsonObject()
            .put("Hostname", s.hostname().isEmpty() ? s.id().substring(0, 12) : s.hostname())
            .put("Domainname", s.domainname())
            .put("AttachStdin", false).put("AttachStdout", false).put("AttachStderr", false)
            .put("Tty", s.tty()).put("OpenStdin", false).put("StdinOnce", false)
            .put("Env", new JsonArray(s.env()))
            .put("Image", s.image())
            .put("Labels", new JsonObject(new java.util.HashMap<>(s.labels()))))
        .put("NetworkSettings", new JsonObject()
            .put("Ports", new JsonObject())
            .put("SandboxKey", s.sandboxKey() == null ? "" : s.sandboxKey())
            .put("Networks", networks(s)));
  }

  /**
   * Fills {@code NetworkSettings} from the network service's sandbox document ({@code GET /sandboxes/{id}}):
   * published ports, per-network endpoints and, as Docker still does, the first network's address at the top level.
   */
  public static void mergeNetworkSettings(JsonObject inspect, JsonObject sandbox) {
    JsonObject settings = inspect.getJsonObject("NetworkSettings");
    settings.put("Ports", sandbox.getJsonObject("Ports", new JsonObject()));
    if (sandbox.getString("SandboxKey") != null) settings.put("SandboxKey", sandbox.getString("SandboxKey"));
    JsonObject networks = sandbox.getJsonObject("Networks", new JsonObject());
    settings.put("Networks", networks);
    networks.stream().findFirst().ifPresent(first -> {
      JsonObject n = (JsonObject) first.getValue();
      settings.put("IPAddress", n.getString("IPAddress", "")).put("IPPrefixLen", n.getInteger("IPPrefixLen", 0))
          .put("Gateway", n.getString("Gateway", "")).put("MacAddress", n.getString("MacAddress", ""))
          .put("GlobalIPv6Address", n.getString("GlobalIPv6Address", ""))
          .put("GlobalIPv6PrefixLen", n.getInteger("GlobalIPv6PrefixLen", 0))
          .put("IPv6Gateway", n.getString("IPv6Gateway", ""));
    });
  }

  public static JsonObject summary(ContainerView c) {
    ContainerCreated s = c.spec();
    return new JsonObject()
        .put("Id", s.id())
        .put("Names", new JsonArray().add("/" + s.name()))
        .put("Image", s.image())
        .put("Command", "")
        .put("Created", created(s))
        .put("State", c.status())
        .put("Status", status(c))
        .put("Ports", new JsonArray())
        .put("Labels", new JsonObject(new java.util.HashMap<>(s.labels())))
        .put("HostConfig", new JsonObject().put("NetworkMode", s.networkMode()))
        .put("Mounts", mounts(s));
  }

  private static long created(ContainerCreated s) {
    try {
      return OffsetDateTime.parse(s.createdAt()).toEpochSecond();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String status(ContainerView c) {
    return switch (c.status()) {
      case "running" -> "Up";
      case "exited" -> "Exited (" + c.exitCode() + ")";
      default -> "Created";
    };
  }

  private static JsonObject portBindings(ContainerCreated s) {
    JsonObject ports = new JsonObject();
    for (PortBinding p : s.portBindings()) {
      String key = p.containerPort() + "/" + p.protocol().name().toLowerCase(java.util.Locale.ROOT);
      JsonArray list = ports.getJsonArray(key, new JsonArray());
      list.add(new JsonObject().put("HostIp", p.hostIp() == null ? "" : p.hostIp()).put("HostPort", p.hostPort() == null ? "" : p.hostPort()));
      ports.put(key, list);
    }
    return ports;
  }

  private static JsonArray mounts(ContainerCreated s) {
    JsonArray out = new JsonArray();
    for (Mount m : s.mounts()) {
      out.add(new JsonObject().put("Type", m.type().name().toLowerCase(java.util.Locale.ROOT))
          .put("Name", m.source() == null ? "" : m.source()).put("Destination", m.target()).put("RW", !m.readOnly()));
    }
    return out;
  }

  private static JsonObject networks(ContainerCreated s) {
    JsonObject out = new JsonObject();
    for (NetworkAttachment n : s.networks()) {
      out.put(n.network(), new JsonObject().put("Aliases", new JsonArray(n.aliases())));
    }
    return out;
  }
}
