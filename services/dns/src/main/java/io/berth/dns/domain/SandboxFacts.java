package io.berth.dns.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known of one container when its files are to be decided. They come from three sources read in no fixed
 * order: its settings ({@code container.created}), its endpoints and sandbox ({@code endpoint.joined},
 * {@code sandbox.ready}) and its networks ({@code network.created}). The files are decided only once all three are
 * known, so the first files a container gets are already its own: never with a made-up hostname, no {@code --dns},
 * or a network guessed from an endpoint.
 *
 * @param settings  its resolver settings, or null while {@code container.created} has not been seen
 * @param ready     its sandbox is ready: {@code endpoints} are all it starts with
 * @param endpoints its endpoints (any order)
 * @param networks  the networks known, by id (those its endpoints are on at least)
 */
public record SandboxFacts(ContainerDns settings, boolean ready, List<EndpointRecord> endpoints,
                           Map<String, NetworkInfo> networks) {

  public SandboxFacts {
    endpoints = List.copyOf(endpoints);
    networks = Map.copyOf(networks);
  }

  /** What is still missing before the files can be decided (empty: nothing). */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    if (settings == null) {
      out.add("the container's settings (container.created)");
    }
    if (!ready) {
      out.add("its sandbox (network.sandbox.ready)");
    }
    endpoints.stream().filter(EndpointRecord::dnsEnabled).map(EndpointRecord::networkId).distinct()
        .filter(id -> !networks.containsKey(id)).forEach(id -> out.add("network " + id + " (network.created)"));
    return out;
  }

  /** Why the files cannot be written at all (a setting that cannot go into them, as Docker words it), or empty. */
  public Optional<String> refusal() {
    return settings == null ? Optional.empty() : settings.invalidSetting();
  }

  /** The files, or empty while something is {@linkplain #missing() missing} or {@linkplain #refusal() refused}. */
  public Optional<SandboxFiles> decide(NodeResolverSettings node) {
    if (!missing().isEmpty() || refusal().isPresent()) {
      return Optional.empty();
    }
    List<EndpointRecord> ordered = new ArrayList<>(endpoints);
    ordered.sort(Comparator.comparingInt((EndpointRecord e) -> settings.rank(e.networkId(), e.networkName()))
        .thenComparing(EndpointRecord::endpointId));
    InetAddress resolver = ordered.stream().filter(EndpointRecord::dnsEnabled).map(e -> networks.get(e.networkId()))
        .map(NetworkInfo::resolverAddress).filter(a -> a != null).findFirst().orElse(null);
    return Optional.of(SandboxFiles.decide(settings, ordered, resolver, node));
  }
}
