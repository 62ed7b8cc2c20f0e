package io.berth.events.container;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;
import java.util.Map;

/**
 * {@code io.berth.container.created}: an event producer created a container on {@code node}; berth prepares
 * its sandbox, networks, volumes, DNS files and log collection before it starts.
 *
 * @param id               64 lower-case hex characters
 * @param name             the container name, without Docker's leading slash
 * @param node             the node that runs the container
 * @param image            the image reference
 * @param hostname         the hostname; empty = the first 12 characters of {@code id}
 * @param domainname       the domain name; may be empty
 * @param createdAt        RFC 3339 time of creation
 * @param labels           container labels
 * @param sandboxKey       path of the network namespace the runtime made; {@code null} = berth creates
 *                         {@code <exec-root>/netns/<id>}
 * @param networkMode      {@code default}, {@code bridge}, {@code host}, {@code none} or a network name or id
 * @param networks         the networks to attach, in order; the first is the one {@code networkMode} names
 * @param portBindings     requested port publications
 * @param publishAllPorts  publish every exposed port on a random host port ({@code -P})
 * @param mounts           volumes, binds and tmpfs mounts
 * @param anonymousVolumes targets of the image's {@code VOLUME} paths that get anonymous volumes
 * @param volumeDriver     the container-wide volume driver ({@code --volume-driver}); {@code null} = {@code local}
 * @param logConfig        the log driver and options; type {@code ""} = the node default
 * @param stdio            where the runtime writes the container's output; {@code null} = berth creates FIFOs
 * @param tty              the container has a terminal (stdout and stderr are one stream)
 * @param dns              {@code --dns}, {@code --dns-search}, {@code --dns-option}
 * @param extraHosts       {@code --add-host} entries, {@code host:ip}
 * @param autoRemove       {@code --rm}: remove the container, and its anonymous volumes, when it stops
 * @param env              the environment, {@code KEY=value}, for log drivers' {@code env} option
 * @param task             swarm task information when the container runs a service task, else {@code null}
 * @param imageId          the image id ({@code sha256:...}) when the producer knows it, else {@code null}; optional,
 *                         for log tags ({@code {{.ImageID}}}) and GELF {@code _image_id}
 * @param command          entrypoint and arguments; optional (absent = empty), for GELF {@code _command}
 */
public record ContainerCreated(
    String id,
    String name,
    String node,
    String image,
    String hostname,
    String domainname,
    String createdAt,
    Map<String, String> labels,
    String sandboxKey,
    String networkMode,
    List<NetworkAttachment> networks,
    List<PortBinding> portBindings,
    boolean publishAllPorts,
    List<Mount> mounts,
    List<String> anonymousVolumes,
    String volumeDriver,
    LogConfig logConfig,
    Stdio stdio,
    boolean tty,
    DnsConfig dns,
    List<String> extraHosts,
    boolean autoRemove,
    List<String> env,
    SwarmTask task,
    String imageId,
    List<String> command) implements NodeScoped {

  public ContainerCreated {
    hostname = Defaults.or(hostname, "");
    domainname = Defaults.or(domainname, "");
    labels = Defaults.map(labels);
    networkMode = Defaults.or(networkMode, "default");
    networks = Defaults.list(networks);
    portBindings = Defaults.list(portBindings);
    mounts = Defaults.list(mounts);
    anonymousVolumes = Defaults.list(anonymousVolumes);
    logConfig = Defaults.or(logConfig, LogConfig.NODE_DEFAULT);
    dns = Defaults.or(dns, DnsConfig.NONE);
    extraHosts = Defaults.list(extraHosts);
    env = Defaults.list(env);
    command = Defaults.list(command);
  }

  /** A container without the optional image id and command (the record before they were added). */
  public ContainerCreated(String id, String name, String node, String image, String hostname, String domainname,
                          String createdAt, Map<String, String> labels, String sandboxKey, String networkMode,
                          List<NetworkAttachment> networks, List<PortBinding> portBindings, boolean publishAllPorts,
                          List<Mount> mounts, List<String> anonymousVolumes, String volumeDriver, LogConfig logConfig,
                          Stdio stdio, boolean tty, DnsConfig dns, List<String> extraHosts, boolean autoRemove,
                          List<String> env, SwarmTask task) {
    this(id, name, node, image, hostname, domainname, createdAt, labels, sandboxKey, networkMode, networks, portBindings,
        publishAllPorts, mounts, anonymousVolumes, volumeDriver, logConfig, stdio, tty, dns, extraHosts, autoRemove, env,
        task, null, null);
  }

  /** Whether berth must create the network namespace (the producer gave no sandbox key). */
  public boolean berthCreatesSandbox() {
    return sandboxKey == null;
  }
}
