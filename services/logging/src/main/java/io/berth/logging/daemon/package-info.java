/** berth's own logs (the daemon's, not a container's): the logback appender that also sends them to journald. */
package io.berth.logging.daemon;
