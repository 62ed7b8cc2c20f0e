package io.berth.events.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a network exists: on one node, or across the swarm. */
public enum NetworkScope {
  @JsonProperty("local") LOCAL,
  @JsonProperty("swarm") SWARM,
  @JsonProperty("global") GLOBAL
}
