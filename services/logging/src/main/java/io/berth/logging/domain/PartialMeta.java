package io.berth.logging.domain;

/**
 * Docker's {@code PLogMetaData}: a line longer than the 16 KiB copy buffer travels as several messages that share an
 * {@code id}, numbered from 1, the one ending the line marked {@code last}.
 */
public record PartialMeta(String id, int ordinal, boolean last) {
}
