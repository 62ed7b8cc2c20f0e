package io.berth.logging.file;

import io.berth.logging.domain.FileOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

/**
 * A log file rotated as Docker's {@code loggerutils.LogFile} does: when the next record would reach {@code max-size}
 * the file becomes {@code <path>.1} (older ones shift to {@code .2} ... and the oldest beyond {@code max-file} is
 * removed); with {@code compress} a rotated file is gzip'd to {@code <path>.1.gz} in the background. Mode 0640.
 */
public final class RotatingLogFile implements AutoCloseable {
  private final Path path;
  private final FileOptions options;
  private FileChannel channel;
  private long size;
  private CompletableFuture<Void> compressing = CompletableFuture.completedFuture(null);

  public RotatingLogFile(Path path, FileOptions options) throws IOException {
    this.path = path;
    this.options = options;
    Files.createDirectories(path.getParent());
    open();
  }

  private void open() throws IOException {
    if (!Files.exists(path)) {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
    }
    channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    size = channel.size();
  }

  public Path path() { return path; }

  /** Whether writing {@code n} more bytes reaches {@code max-size} (Docker rotates before such a write). */
  public boolean needsRotation(long n) {
    return options.maxSize() > 0 && size > 0 && size + n >= options.maxSize();
  }

  public void write(byte[] data, int off, int len) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(data, off, len);
    while (b.hasRemaining()) channel.write(b);
    size += len;
  }

  public long size() { return size; }

  /** Closes the current file and starts a new one, shifting and compressing the rotated ones. */
  public void rotate() throws IOException {
    channel.close();
    int maxFiles = options.maxFiles();
    if (maxFiles < 2) {
      Files.deleteIfExists(path);
      open();
      return;
    }
    compressing.join();
    String ext = options.compress() ? ".gz" : "";
    Files.deleteIfExists(rotated(maxFiles - 1, ext));
    for (int i = maxFiles - 2; i >= 1; i--) {
      Path from = rotated(i, ext);
      if (Files.exists(from)) Files.move(from, rotated(i + 1, ext), StandardCopyOption.REPLACE_EXISTING);
    }
    Path first = rotated(1, "");
    Files.move(path, first, StandardCopyOption.REPLACE_EXISTING);
    open();
    if (options.compress()) {
      compressing = CompletableFuture.runAsync(() -> compress(first));
    }
  }

  private static void compress(Path file) {
    Path gz = Path.of(file + ".gz");
    Path tmp = Path.of(file + ".gz.tmp");
    try (InputStream in = Files.newInputStream(file);
         OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      Files.move(tmp, gz, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.delete(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path rotated(int n, String ext) {
    return Path.of(path + "." + n + ext);
  }

  /** Rotated files, oldest first (plain or gzip'd), not including the current one. */
  public static List<Path> rotatedFiles(Path path) {
    List<Path> out = new ArrayList<>();
    for (int i = 1; i < 10_000; i++) {
      Path plain = Path.of(path + "." + i);
      Path gz = Path.of(path + "." + i + ".gz");
      if (Files.exists(plain)) out.add(0, plain);
      else if (Files.exists(gz)) out.add(0, gz);
      else break;
    }
    return out;
  }

  /** Waits for a background compression (tests, close). */
  public void awaitCompression() {
    compressing.join();
  }

  @Override
  public void close() throws IOException {
    channel.close();
    try {
      compressing.join();
    } catch (RuntimeException ignored) {
      // a failed compression leaves the plain rotated file, which readers still find
    }
  }
}
