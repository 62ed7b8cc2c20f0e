/**
 * Pure log-configuration logic with dockerd's messages: {@code --log-driver}/{@code --log-opt} resolved against
 * daemon.json ({@code log-driver}, {@code log-opts}) and validated ({@code LogConfigValidator}), each driver's
 * options ({@code FileOptions} for max-size/max-file/compress, {@code FluentdOptions}, {@code SyslogOptionChecks}),
 * the {@code tag} template, {@code labels}/{@code env} attributes, Go durations and RFC 3339 times.
 */
package io.berth.logging.domain;
