package io.berth.logging.driver.journald;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.file.ByteBuf;
import io.berth.logging.host.UnixDatagram;
import io.berth.logging.remote.RemoteSink;
import java.io.IOException;
import java.util.List;

/** Sends entries to the journal socket, one datagram each. */
public final class JournaldSink implements RemoteSink {
  /** The socket path; {@code berth.journald.socket} overrides it (tests run a private journald). */
  public static String socketPath() {
    return System.getProperty("berth.journald.socket", "/run/systemd/journal/socket");
  }

  private final String path;
  private final JournalEntry entry;
  private final ByteBuf buf = new ByteBuf(32 * 1024);
  private UnixDatagram socket;

  public JournaldSink(String path, JournalEntry entry) {
    this.path = path;
    this.entry = entry;
  }

  @Override public String driver() { return "journald"; }

  @Override
  public void send(List<LogMessage> batch) throws IOException {
    if (socket == null) socket = new UnixDatagram(path);
    for (LogMessage m : batch) {
      buf.clear();
      entry.encode(m, buf);
      socket.send(buf.array(), buf.size());
    }
  }

  @Override
  public void reset() {
    close();
  }

  @Override
  public void close() {
    if (socket != null) socket.close();
    socket = null;
  }
}
