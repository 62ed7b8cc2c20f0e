package io.berth.events.container;

/**
 * Where the runtime writes the container's output, for berth to read.
 *
 * @param stdoutPath a FIFO or file with stdout; {@code null} = berth creates a FIFO
 * @param stderrPath a FIFO or file with stderr; {@code null} = berth creates a FIFO (none with a tty)
 */
public record Stdio(String stdoutPath, String stderrPath) {
}
