package io.berth.logging.driver;

import io.berth.logging.file.LogFormat;
import java.nio.file.Path;

/**
 * A container's opened log driver and where {@code docker logs} reads from: the driver's own file (json-file,
 * local) or the dual-logging cache; {@code readPath} is null when nothing can be read (driver {@code none}, or the
 * cache disabled).
 */
public record LogTarget(LogDriver driver, Path readPath, LogFormat readFormat) {
}
