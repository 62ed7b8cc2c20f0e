package io.berth.volume.domain;

import io.berth.kit.errors.BerthException;
import io.berth.kit.units.ByteSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code local} driver's options, validated exactly as Docker's ({@code volume/local/local_unix.go}): only
 * {@code type}, {@code device}, {@code o} and {@code size}; {@code type} and {@code device} need each other; {@code o}
 * needs both. Checked in Docker's order (unknown keys, CIFS port, size, then required companions), before anything is
 * made.
 *
 * @param type   file system type for {@code mount(2)}, or null
 * @param device source for {@code mount(2)}, or null
 * @param o      comma-separated mount options, or null
 * @param size   size limit in bytes (0 = none); berth backs it with a loop-mounted ext4 image
 */
public record LocalOptions(String type, String device, String o, long size) {
  public static final LocalOptions NONE = new LocalOptions(null, null, null, 0);

  private static final Set<String> VALID = Set.of("type", "o", "device", "size");
  private static final List<String> KEY_ORDER = List.of("device", "type", "o");
  private static final Map<String, List<String>> REQUIRES = Map.of(
      "device", List.of("type"),
      "type", List.of("device"),
      "o", List.of("device", "type"));

  /**
   * Validates and parses {@code opts}.
   *
   * @throws BerthException.InvalidRequest with Docker's message, e.g. {@code invalid option: "foo"}
   */
  public static LocalOptions parse(Map<String, String> opts) {
    if (opts == null || opts.isEmpty()) {
      return NONE;
    }
    for (String key : new java.util.TreeSet<>(opts.keySet())) {
      if (!VALID.contains(key)) {
        throw BerthException.invalid("invalid option: \"%s\"", key);
      }
    }
    if ("cifs".equals(opts.get("type")) && opts.get("device") != null && hasPort(opts.get("device"))) {
      throw BerthException.invalid("port not allowed in CIFS device URL, include 'port' in 'o='");
    }
    long size = opts.containsKey("size") ? ByteSize.ramInBytes(opts.get("size")) : 0;
    for (String key : KEY_ORDER) {
      if (opts.containsKey(key)) {
        for (String required : REQUIRES.get(key)) {
          if (!opts.containsKey(required)) {
            throw BerthException.invalid("missing required option: \"%s\"", required);
          }
        }
      }
    }
    if (size > 0 && opts.containsKey("type")) {
      // Docker puts an xfs project quota on the mounted file system; berth's size is its own ext4 image instead,
      // which cannot sit under another mount.
      throw BerthException.invalid("size cannot be combined with type and device: the size option makes its own ext4 file system");
    }
    return new LocalOptions(opts.get("type"), opts.get("device"), opts.get("o"), size);
  }

  private static boolean hasPort(String device) {
    // //host:445/share → a port after the host
    String rest = device.startsWith("//") ? device.substring(2) : device;
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    return host.contains(":");
  }

  /** Whether the volume is a {@code mount(2)} of its own (type/device) rather than a plain directory. */
  public boolean needsMount() {
    return type != null || device != null;
  }

  /** Whether the volume is an ext4 image of {@link #size} bytes. */
  public boolean sized() {
    return size > 0;
  }

  /** Whether the volume needs host work when a container starts or stops using it. */
  public boolean mountsOnUse() {
    return needsMount() || sized();
  }

  /** The options as given, for {@code Options} in inspect and {@code opts.json}. */
  public static Map<String, String> copy(Map<String, String> opts) {
    return opts == null ? Map.of() : new LinkedHashMap<>(opts);
  }
}
