package io.berth.kit.config;

/** Invalid configuration: the message names the offending key, and the node refuses to start. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
