package io.berth.events.service;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a swarm service schedules tasks. */
public enum ServiceMode {
  /** A fixed number of replicas. */
  @JsonProperty("replicated") REPLICATED,
  /** One task on every node. */
  @JsonProperty("global") GLOBAL
}
