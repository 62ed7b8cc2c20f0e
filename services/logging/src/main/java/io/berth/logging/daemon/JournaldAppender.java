package io.berth.logging.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.berth.logging.file.ByteBuf;
import io.berth.logging.host.UnixDatagram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * berth's own logs to journald (native protocol) with {@code SYSLOG_IDENTIFIER=berth}, {@code PRIORITY} from the
 * level, {@code BERTH_LOGGER} and {@code BERTH_THREAD}; installed on the root logger when the journal socket exists,
 * beside the stderr appender. A send failure is dropped (logging must never block berth).
 */
public final class JournaldAppender extends AppenderBase<ILoggingEvent> {
  private final String socket;
  private final ByteBuf buf = new ByteBuf(8 * 1024);
  private UnixDatagram out;

  public JournaldAppender(String socket) {
    this.socket = socket;
  }

  /** Adds the appender to the root logger when {@code socket} exists; returns whether it did. */
  public static boolean installIfPresent(String socket) {
    if (!Files.exists(Path.of(socket))) return false;
    LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender("JOURNALD") != null) return true;
    JournaldAppender a = new JournaldAppender(socket);
    a.setName("JOURNALD");
    a.setContext(lc);
    a.start();
    root.addAppender(a);
    return true;
  }

  @Override
  protected synchronized void append(ILoggingEvent e) {
    buf.clear();
    String message = e.getFormattedMessage();
    if (e.getThrowableProxy() != null) {
      message += "\n" + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage();
    }
    field("MESSAGE", message);
    field("PRIORITY", Integer.toString(priority(e.getLevel())));
    field("SYSLOG_IDENTIFIER", "berth");
    field("BERTH_LOGGER", e.getLoggerName());
    field("BERTH_THREAD", e.getThreadName());
    try {
      if (out == null) out = new UnixDatagram(socket);
      out.send(buf.array(), buf.size());
    } catch (IOException | RuntimeException ex) {
      if (out != null) out.close();
      out = null;
    }
  }

  static int priority(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> 3;
      case Level.WARN_INT -> 4;
      case Level.INFO_INT -> 6;
      default -> 7;
    };
  }

  private void field(String key, String value) {
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    buf.putAscii(key);
    if (value.indexOf('\n') < 0) {
      buf.put('=');
      buf.put(v);
    } else {
      buf.put('\n');
      for (int i = 0; i < 8; i++) buf.put((int) ((long) v.length >>> (8 * i)));
      buf.put(v);
    }
    buf.put('\n');
  }

  @Override
  public void stop() {
    super.stop();
    if (out != null) out.close();
  }
}
