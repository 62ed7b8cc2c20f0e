/**
 * Reading a container's output (Docker's copier): {@code StreamCollector} reads a stdio FIFO or followed file,
 * {@code LineSplitter} cuts lines and 16 KiB partial messages, {@code ContainerLogs} is one container's driver and
 * collectors, {@code ContainerRegistry} finds them by id, name or prefix, and {@code IngestConsumer} takes lines
 * shipped on {@code berth.logs.ingest}.
 */
package io.berth.logging.collect;
