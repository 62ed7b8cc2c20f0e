package io.berth.logging.domain;

import io.berth.kit.units.ByteSize;
import java.util.Map;

/**
 * Rotation settings of a file driver, parsed as Docker does: json-file ({@code max-size} unlimited, {@code max-file}
 * 1, {@code compress} false, sizes decimal) and local (20m × 5, compressed, sizes binary).
 */
public record FileOptions(long maxSize, int maxFiles, boolean compress) {

  public static FileOptions parse(String driver, Map<String, String> opts) {
    boolean local = driver.equals("local");
    long maxSize = local ? 20L * 1024 * 1024 : -1;
    if (opts.containsKey("max-size")) {
      maxSize = local ? ByteSize.ramInBytes(opts.get("max-size")) : ByteSize.fromHumanSize(opts.get("max-size"));
      if (maxSize <= 0 && !(local && maxSize == 0)) {
        throw LogConfigValidator.invalid("max-size must be a positive number");
      }
    }
    int maxFiles = local ? 5 : 1;
    if (opts.containsKey("max-file")) {
      maxFiles = LogConfigValidator.intOption("max-file", opts.get("max-file"));
      if (maxFiles < 1) throw LogConfigValidator.invalid("max-file cannot be less than 1");
    }
    boolean compress = local;
    if (opts.containsKey("compress")) {
      Boolean b = LogConfigValidator.parseBool(opts.get("compress"));
      if (b == null) throw LogConfigValidator.invalid(LogConfigValidator.syntax("ParseBool", opts.get("compress")));
      compress = b;
      if (!local && compress && (maxFiles == 1 || maxSize == -1)) {
        throw LogConfigValidator.invalid(
            "compress cannot be true when max-file is less than 2 or max-size is not set");
      }
    }
    return new FileOptions(maxSize, maxFiles, compress);
  }

  /** The dual-logging cache: {@code cache-max-size} 20m, {@code cache-max-file} 5, {@code cache-compress} true. */
  public static FileOptions cache(Map<String, String> opts) {
    long size = opts.containsKey("cache-max-size") ? ByteSize.ramInBytes(opts.get("cache-max-size")) : 20L << 20;
    int files = opts.containsKey("cache-max-file") ? Integer.parseInt(opts.get("cache-max-file")) : 5;
    Boolean compress = LogConfigValidator.parseBool(opts.getOrDefault("cache-compress", "true"));
    return new FileOptions(size, files, compress == null || compress);
  }
}
