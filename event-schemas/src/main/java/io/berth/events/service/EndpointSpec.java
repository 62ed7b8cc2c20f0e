package io.berth.events.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.events.Defaults;
import java.util.List;

/**
 * How a service is reached ({@code --endpoint-mode}, {@code --publish}).
 *
 * @param mode  vip (one virtual IP per network, the default) or dnsrr (DNS returns task addresses)
 * @param ports published ports; only with {@code vip}
 */
public record EndpointSpec(Mode mode, List<ServicePort> ports) {

  /** The default: vip, nothing published. */
  public static final EndpointSpec VIP = new EndpointSpec(Mode.VIP, List.of());

  public EndpointSpec {
    mode = Defaults.or(mode, Mode.VIP);
    ports = Defaults.list(ports);
  }

  /** Service name resolution. */
  public enum Mode {
    @JsonProperty("vip") VIP,
    @JsonProperty("dnsrr") DNSRR
  }
}
