package io.berth.logging.driver;

import io.berth.kit.units.ByteSize;
import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.ExtraAttributes;
import io.berth.logging.domain.FileOptions;
import io.berth.logging.domain.FluentdAddress;
import io.berth.logging.domain.FluentdOptions;
import io.berth.logging.domain.LogConfigValidator;
import io.berth.logging.domain.SyslogOptionChecks;
import io.berth.logging.domain.TagTemplate;
import io.berth.logging.driver.fluentd.FluentdSink;
import io.berth.logging.driver.gelf.GelfMessage;
import io.berth.logging.driver.gelf.GelfSink;
import io.berth.logging.driver.journald.JournalEntry;
import io.berth.logging.driver.journald.JournaldSink;
import io.berth.logging.driver.splunk.SplunkBatching;
import io.berth.logging.driver.splunk.SplunkSink;
import io.berth.logging.driver.syslog.SyslogFormat;
import io.berth.logging.driver.syslog.SyslogSink;
import io.berth.logging.file.ByteBuf;
import io.berth.logging.file.FileLogWriter;
import io.berth.logging.file.JsonLogFormat;
import io.berth.logging.file.LocalLogFormat;
import io.berth.logging.remote.Batching;
import io.berth.logging.remote.DiskSpool;
import io.berth.logging.remote.RemoteSink;
import io.berth.logging.remote.Retry;
import io.berth.logging.remote.SendPolicy;
import io.berth.logging.remote.SpoolingDriver;
import io.berth.logging.tls.TlsClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The driver table (libnetwork's {@code drivers_linux.go} in spirit): opens the driver a container's effective log
 * configuration names, with the dual-logging cache for drivers that cannot be read, the disk spool for remote ones and
 * the non-blocking buffer when {@code mode=non-blocking}. The configuration must have passed
 * {@link LogConfigValidator#validate} first.
 */
public final class LogDrivers {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogDrivers.class);
  /** Default bound of a remote driver's disk spool ({@code spool-max-size}). */
  public static final String SPOOL_DEFAULT = "256m";

  private final HttpClient http;
  private final String hostname;
  private final SplunkBatching splunkBatching;

  /** Drivers configured from this process's environment (the splunk driver's batching variables). */
  public LogDrivers(HttpClient http) {
    this(http, System.getenv());
  }

  public LogDrivers(HttpClient http, Map<String, String> environment) {
    this.http = http;
    this.splunkBatching = SplunkBatching.from(environment);
    String h;
    try {
      h = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      h = "localhost";
    }
    this.hostname = h;
  }

  /** The json-file path Docker uses: {@code <container dir>/<id>-json.log}. */
  public static Path jsonFilePath(Path containerDir, String id) {
    return containerDir.resolve(id + "-json.log");
  }

  public LogTarget open(ContainerInfo c, EffectiveLogConfig cfg, Path dir, DropListener drops, Runnable onFlush)
      throws IOException {
    Map<String, String> opts = cfg.options();
    String thread = "log-" + c.shortId() + "-" + cfg.driver();
    LogTarget target = switch (cfg.driver()) {
      case "json-file" -> {
        Path p = jsonFilePath(dir, c.id());
        JsonLogFormat f = new JsonLogFormat(jsonAttrs(c, opts));
        yield new LogTarget(new FileDriver("json-file", new FileLogWriter(p, FileOptions.parse("json-file", opts), f,
            onFlush)), p, f);
      }
      case "local" -> {
        Path p = dir.resolve("local-logs").resolve("container.log");
        LocalLogFormat f = new LocalLogFormat();
        yield new LogTarget(new FileDriver("local", new FileLogWriter(p, FileOptions.parse("local", opts), f,
            onFlush)), p, f);
      }
      case "none" -> new LogTarget(new NoneDriver(), null, null);
      default -> {
        RemoteSink sink = sink(c, cfg);
        long spoolMax = ByteSize.ramInBytes(opts.getOrDefault(LogConfigValidator.SPOOL_MAX_SIZE, SPOOL_DEFAULT));
        DiskSpool spool = new DiskSpool(dir.resolve("spool"), cfg.driver(), spoolMax);
        LogDriver remote = new SpoolingDriver(sink, spool, drops, sendPolicy(c, cfg), thread + "-sender");
        if (Boolean.TRUE.equals(LogConfigValidator.parseBool(opts.getOrDefault("cache-disabled", "false")))) {
          yield new LogTarget(remote, null, null);
        }
        Path p = dir.resolve("container-cached.log");
        LocalLogFormat f = new LocalLogFormat();
        LogDriver cache = new FileDriver("cache", new FileLogWriter(p, FileOptions.cache(opts), f, onFlush));
        yield new LogTarget(new DualLogDriver(remote, cache), p, f);
      }
    };
    if (cfg.nonBlocking()) {
      long max = ByteSize.ramInBytes(opts.getOrDefault("max-buffer-size", "1m"));
      return new LogTarget(new NonBlockingDriver(target.driver(), max, drops, thread + "-buffer"),
          target.readPath(), target.readFormat());
    }
    return target;
  }

  /**
   * How the spool delivers. splunk: the daemon's batching environment. fluentd: Docker's retry options
   * ({@code fluentd-retry-wait} growing 1.5× up to 60 s, {@code fluentd-max-retries}) and, with {@code fluentd-async},
   * {@code fluentd-buffer-limit} as the most messages held while fluentd is away. Without async Docker would block the
   * container while it retries; berth never blocks it, the spool holds the lines instead (bounded by
   * {@code spool-max-size}), so no line is lost unless max-retries is set or a bound is reached — and then it is counted.
   */
  private SendPolicy sendPolicy(ContainerInfo c, EffectiveLogConfig cfg) {
    return switch (cfg.driver()) {
      case "splunk" -> SendPolicy.DEFAULT.withBatching(splunkBatching.sender());
      case "fluentd" -> {
        FluentdOptions f = FluentdOptions.parse(cfg.options());
        if (f.deprecatedAlias()) {
          LOG.warn("container {}: fluentd-async-connect is deprecated, use fluentd-async", c.shortId());
        }
        yield new SendPolicy(Batching.IMMEDIATE, new Retry(f.retryWaitMillis(), 1.5,
            Math.max(f.retryWaitMillis(), 60_000), f.maxRetries()), f.async() ? f.bufferLimit() : Long.MAX_VALUE);
      }
      default -> SendPolicy.DEFAULT;
    };
  }

  private RemoteSink sink(ContainerInfo c, EffectiveLogConfig cfg) {
    Map<String, String> opts = cfg.options();
    String tag = TagTemplate.render(opts.get("tag"), TagTemplate.DEFAULT, c);
    return switch (cfg.driver()) {
      case "syslog" -> {
        String address = opts.getOrDefault("syslog-address", "unixgram:///dev/log");
        URI uri = SyslogOptionChecks.address(address);
        String format = opts.getOrDefault("syslog-format", "");
        SyslogFormat f = new SyslogFormat(format, SyslogOptionChecks.facility(opts.get("syslog-facility")),
            hostname, tag, ProcessHandle.current().pid(), uri.getScheme().equals("tcp+tls"));
        yield new SyslogSink(uri, f, uri.getScheme().equals("tcp+tls") ? TlsClient.syslog(opts) : null);
      }
      case "gelf" -> {
        URI uri = URI.create(opts.get("gelf-address"));
        Map<String, String> attrs = ExtraAttributes.of(opts, c, k -> k.startsWith("_") ? k : "_" + k);
        int level = Integer.parseInt(opts.getOrDefault("gelf-compression-level", "1"));
        yield new GelfSink(uri, new GelfMessage(hostname, c, tag, attrs),
            opts.getOrDefault("gelf-compression-type", "gzip"), level);
      }
      case "splunk" -> {
        SplunkSink splunk = new SplunkSink(TlsClient.splunkCustomized(opts)
            ? TlsClient.splunk(opts).httpClient(java.time.Duration.ofSeconds(10)) : http, opts, tag,
            ExtraAttributes.of(opts, c, k -> k), hostname);
        if (!Boolean.FALSE.equals(LogConfigValidator.parseBool(opts.getOrDefault("splunk-verify-connection", "true")))) {
          splunk.verifyConnection();
        }
        yield splunk;
      }
      case "fluentd" -> new FluentdSink(FluentdAddress.parse(opts.get("fluentd-address")), tag, c,
          ExtraAttributes.of(opts, c, k -> k), FluentdOptions.parse(opts));
      case "journald" -> new JournaldSink(JournaldSink.socketPath(),
          new JournalEntry(c, tag, ExtraAttributes.of(opts, c, k -> k)));
      default -> throw new IllegalArgumentException("no remote driver " + cfg.driver());
    };
  }

  /** json-file's {@code attrs}: labels/env options plus {@code tag} when the user set one, keys sorted, as Go marshals. */
  static String jsonAttrs(ContainerInfo c, Map<String, String> opts) {
    Map<String, String> attrs = new java.util.TreeMap<>(ExtraAttributes.of(opts, c, k -> k));
    String tag = TagTemplate.render(opts.get("tag"), "", c);
    if (!tag.isEmpty()) attrs.put("tag", tag);
    if (attrs.isEmpty()) return null;
    ByteBuf b = new ByteBuf(256);
    b.put('{');
    boolean first = true;
    for (Map.Entry<String, String> e : attrs.entrySet()) {
      if (!first) b.put(',');
      first = false;
      b.put('"');
      JsonLogFormat.escape(e.getKey().getBytes(StandardCharsets.UTF_8), b);
      b.putAscii("\":\"");
      JsonLogFormat.escape(e.getValue().getBytes(StandardCharsets.UTF_8), b);
      b.put('"');
    }
    b.put('}');
    return new String(b.toArray(), StandardCharsets.UTF_8);
  }
}
