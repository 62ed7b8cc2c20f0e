package io.berth.logging.container;

import java.nio.file.Path;

/**
 * Where a container's output is read from: the paths its producer named ({@code stdio.stdoutPath}/{@code stderrPath},
 * FIFOs or regular files), or the FIFOs berth created. {@code stderr} is null with a TTY (one stream, as Docker).
 */
public record StdioSources(Path stdout, Path stderr) {
}
