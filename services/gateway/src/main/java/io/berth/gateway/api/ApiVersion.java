package io.berth.gateway.api;

import io.berth.kit.errors.BerthException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker Engine API versions berth speaks, and the {@code /v1.NN/} path prefix clients send. A prefix outside
 * [{@link #MIN}, {@link #MAX}] is refused with dockerd's own messages, so the CLI explains it the same way.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  public static final ApiVersion MAX = new ApiVersion(1, 51);
  public static final ApiVersion MIN = new ApiVersion(1, 24);
  private static final Pattern PREFIX = Pattern.compile("^/v(\\d+)\\.(\\d+)(/.*)?$");

  public static ApiVersion parse(String text) {
    String[] parts = text.split("\\.");
    if (parts.length != 2) throw new BerthException.InvalidRequest("invalid API version: " + text);
    try {
      return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      throw new BerthException.InvalidRequest("invalid API version: " + text);
    }
  }

  /** A request path split into its version (if the client sent one) and the path the services see. */
  public record Versioned(Optional<ApiVersion> version, String path) {}

  /** Splits {@code /v1.41/volumes/x} into 1.41 and {@code /volumes/x}; checks the version is one berth speaks. */
  public static Versioned strip(String path) {
    Matcher m = PREFIX.matcher(path);
    if (!m.matches()) {
      return new Versioned(Optional.empty(), path);
    }
    // The pattern takes digits only; parse() still refuses a number too big for an int as a bad request.
    ApiVersion v = parse(m.group(1) + "." + m.group(2));
    if (v.compareTo(MIN) < 0) {
      throw new BerthException.InvalidRequest("client version " + v + " is too old. Minimum supported API version is "
          + MIN + ", please upgrade your client to a newer version");
    }
    if (v.compareTo(MAX) > 0) {
      throw new BerthException.InvalidRequest("client version " + v + " is too new. Maximum supported API version is " + MAX);
    }
    String rest = m.group(3);
    return new Versioned(Optional.of(v), rest == null ? "/" : rest);
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
