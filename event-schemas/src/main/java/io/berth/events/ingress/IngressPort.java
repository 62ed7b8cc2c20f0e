package io.berth.events.ingress;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.events.Protocol;

/**
 * A programmed service port.
 *
 * @param protocol      tcp, udp or sctp
 * @param targetPort    the port in the tasks
 * @param publishedPort the port on the nodes (allocated when the spec left it open)
 * @param publishMode   ingress (routing mesh) or host
 */
public record IngressPort(Protocol protocol, int targetPort, int publishedPort, PublishMode publishMode) {

  /** Where the port answers. */
  public enum PublishMode {
    @JsonProperty("ingress") INGRESS,
    @JsonProperty("host") HOST
  }
}
