package io.berth.volume.domain;

import io.berth.kit.errors.BerthException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Docker's rule for local volume names, and the names berth gives anonymous volumes. */
public final class VolumeName {
  /** The characters Docker allows ({@code names.RestrictedNameChars}). */
  public static final String ALLOWED = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
  private static final Pattern PATTERN = Pattern.compile("^" + ALLOWED + "+$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private VolumeName() {}

  /**
   * Checks {@code name} as Docker's local driver does; the name becomes a directory, so nothing that could escape the
   * volumes directory ({@code /}, {@code ..} as a whole name) passes.
   *
   * @throws BerthException.InvalidRequest with Docker's message, prefixed {@code create NAME: } as the daemon does
   */
  public static String validate(String name) {
    if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length == 1) { // Go counts bytes
      throw BerthException.invalid("create %s: volume name is too short, names should be at least two alphanumeric characters", name);
    }
    if (!PATTERN.matcher(name).matches()) {
      throw BerthException.invalid("create %s: \"%s\" includes invalid characters for a local volume name, only \"%s\" are allowed."
          + " If you intended to pass a host directory, use absolute path", name, name, ALLOWED);
    }
    return name;
  }

  /** Whether {@code name} passes {@link #validate} (for names read from disk). */
  public static boolean isValid(String name) {
    return name.length() > 1 && PATTERN.matcher(name).matches();
  }

  /** A random 64-hex name, like Docker's {@code stringid.GenerateRandomID()}. */
  public static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * The anonymous volume of {@code containerId} at {@code target}: derived, not random, so a replayed container event
   * finds the volume it created the first time instead of making another.
   */
  public static String anonymousFor(String containerId, String target) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest((containerId + "\0" + target).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
