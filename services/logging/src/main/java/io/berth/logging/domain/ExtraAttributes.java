package io.berth.logging.domain;

import io.berth.kit.errors.BerthException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Docker's {@code labels}, {@code labels-regex}, {@code env}, {@code env-regex} options: which container labels and
 * environment variables a driver attaches to each message (env wins over a label of the same key).
 */
public final class ExtraAttributes {
  private ExtraAttributes() {}

  /** The attributes, keys sorted (Go marshals maps in key order), each key passed through {@code keyMod}. */
  public static Map<String, String> of(Map<String, String> options, ContainerInfo c, UnaryOperator<String> keyMod) {
    Map<String, String> out = new TreeMap<>();
    String labels = options.get("labels");
    if (labels != null && !labels.isEmpty()) {
      for (String l : labels.split(",")) {
        String v = c.labels().get(l);
        if (v != null) out.put(keyMod.apply(l), v);
      }
    }
    Pattern labelsRegex = regex(options.get("labels-regex"));
    if (labelsRegex != null) {
      c.labels().forEach((k, v) -> {
        if (labelsRegex.matcher(k).find()) out.put(keyMod.apply(k), v);
      });
    }
    Map<String, String> env = new TreeMap<>();
    for (String e : c.env()) {
      int eq = e.indexOf('=');
      if (eq > 0) env.put(e.substring(0, eq), e.substring(eq + 1));
      else env.put(e, "");
    }
    String envKeys = options.get("env");
    if (envKeys != null && !envKeys.isEmpty()) {
      for (String k : envKeys.split(",")) {
        String v = env.get(k);
        if (v != null) out.put(keyMod.apply(k), v);
      }
    }
    Pattern envRegex = regex(options.get("env-regex"));
    if (envRegex != null) {
      env.forEach((k, v) -> {
        if (envRegex.matcher(k).find()) out.put(keyMod.apply(k), v);
      });
    }
    return out;
  }

  private static Pattern regex(String s) {
    if (s == null || s.isEmpty()) return null;
    try {
      return Pattern.compile(s);
    } catch (PatternSyntaxException e) {
      throw new BerthException.InvalidRequest("error parsing regexp: " + e.getDescription() + ": `" + s + "`");
    }
  }
}
