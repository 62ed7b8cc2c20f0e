package io.berth.events.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.events.Defaults;
import io.berth.events.Protocol;

/**
 * A published service port ({@code --publish published=5000,target=80,mode=host}).
 *
 * @param protocol      tcp (the default), udp or sctp
 * @param targetPort    the port inside the tasks
 * @param publishedPort the port on the nodes; {@code null} = a random high port
 * @param publishMode   ingress (every node answers, the default) or host (only nodes with a task)
 */
public record ServicePort(Protocol protocol, int targetPort, Integer publishedPort, PublishMode publishMode) {

  public ServicePort {
    protocol = Defaults.or(protocol, Protocol.TCP);
    publishMode = Defaults.or(publishMode, PublishMode.INGRESS);
  }

  /** Where a published port answers. */
  public enum PublishMode {
    @JsonProperty("ingress") INGRESS,
    @JsonProperty("host") HOST
  }
}
