package io.berth.events.ingress;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.ingress.service.programmed}: a node's load balancer for a service matches its tasks.
 *
 * @param serviceId the service
 * @param node      the node programmed
 * @param vip       the service's virtual IP, or {@code null} in dnsrr mode
 * @param ports     its published ports
 * @param backends  the tasks connections go to
 */
public record IngressProgrammed(String serviceId, String node, String vip, List<IngressPort> ports,
                                List<Backend> backends) implements NodeScoped {

  public IngressProgrammed {
    ports = Defaults.list(ports);
    backends = Defaults.list(backends);
  }
}
