package io.berth.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A transport protocol of a published or exposed port. */
public enum Protocol {
  @JsonProperty("tcp") TCP,
  @JsonProperty("udp") UDP,
  @JsonProperty("sctp") SCTP;

  /** The lower-case name Docker and the events use. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
