package io.berth.kit.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.berth.kit.errors.BerthException;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** berth's own log level (daemon.json {@code log-level}), changeable while the node runs. */
public final class LogLevels {
  private LogLevels() {}

  /** Sets the level of every berth logger; Docker's names (debug, info, warn, error, fatal) are accepted. */
  public static void set(String level) {
    Level parsed = parse(level);
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.getLogger("io.berth").setLevel(parsed);
  }

  public static String current() {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger logger = ctx.getLogger("io.berth");
    Level level = logger.getEffectiveLevel();
    return level.toString().toLowerCase(Locale.ROOT);
  }

  static Level parse(String level) {
    String l = level == null ? "" : level.trim().toLowerCase(Locale.ROOT);
    return switch (l) {
      case "trace" -> Level.TRACE;
      case "debug" -> Level.DEBUG;
      case "info" -> Level.INFO;
      case "warn", "warning" -> Level.WARN;
      case "error", "fatal" -> Level.ERROR;
      default -> throw new BerthException.InvalidRequest("invalid log level: " + level + " (trace, debug, info, warn, error, fatal)");
    };
  }
}
