package io.berth.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Rewrites of event data from one version to the next, by type and then by the version they read. When a type
 * gets a breaking version N + 1 whose record cannot read version N as it is, its rewrite goes here, e.g.
 * {@code Map.entry("io.berth.volume.created", Map.of(1, UpcastVolumeCreatedV1::apply))}.
 */
final class Upcasters {

  /** None yet: every type is at version 1. */
  static final Map<String, Map<Integer, UnaryOperator<ObjectNode>>> ALL = Map.of();

  private Upcasters() {
  }
}
