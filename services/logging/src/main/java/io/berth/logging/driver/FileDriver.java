package io.berth.logging.driver;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.file.FileLogWriter;
import java.io.IOException;

/** The {@code json-file} and {@code local} drivers: messages go to a rotated file that {@code docker logs} reads. */
public final class FileDriver implements LogDriver {
  private final String name;
  private final FileLogWriter writer;

  public FileDriver(String name, FileLogWriter writer) {
    this.name = name;
    this.writer = writer;
  }

  @Override public String name() { return name; }
  @Override public void log(LogMessage m) throws IOException { writer.write(m); }
  @Override public void flush() throws IOException { writer.flush(); }
  @Override public void close() throws IOException { writer.close(); }
}
