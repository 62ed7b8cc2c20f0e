package io.berth.kit.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line flags of a node ({@code berth up}) or a standalone service, dockerd-style:
 * {@code --data-root DIR --exec-root DIR --config FILE -H unix:///path -H tcp://host:port --kafka host:port
 * --cluster host:port,... --cluster-port N --node-name NAME --log-level LEVEL --debug --kafka-listen host:port}, and dockerd's
 * TLS flags {@code --tls --tlsverify --tlscacert FILE --tlscert FILE --tlskey FILE}. Switches take no argument, or
 * {@code =true}/{@code =false} ({@code --tlsverify=false}), as with dockerd.
 */
public final class NodeFlags {
  /** Switch → its daemon.json key. */
  private static final Map<String, String> SWITCHES = Map.of("--tls", "tls", "--tlsverify", "tlsverify",
      "--debug", "debug", "-D", "debug");

  private NodeFlags() {}

  /** Parses {@code args} and loads the configuration they point at, with {@code env} applied in between. */
  public static DaemonConfig parse(List<String> args, Map<String, String> env) {
    Map<String, Object> flags = new LinkedHashMap<>();
    List<String> hosts = new ArrayList<>();
    String configFile = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (SWITCHES.containsKey(name)) {
        flags.put(SWITCHES.get(name), value == null ? "true" : value);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.size()) throw new ConfigException("flag needs an argument: " + name);
        value = args.get(++i);
      }
      switch (name) {
        case "--config", "--config-file" -> configFile = value;
        case "-H", "--host" -> hosts.add(value);
        case "--data-root" -> flags.put("data-root", value);
        case "--exec-root" -> flags.put("exec-root", value);
        case "--node-name" -> flags.put("node-name", value);
        case "--log-level", "-l" -> flags.put("log-level", value);
        case "--kafka" -> flags.put("kafka.bootstrap-servers", value);
        case "--kafka-listen" -> flags.put("kafka.listen", value);
        case "--cluster" -> flags.put("cluster.members", value);
        case "--cluster-port" -> flags.put("cluster.port", value);
        case "--cluster-host" -> flags.put("cluster.host", value);
        case "--tlscacert" -> flags.put("tlscacert", value);
        case "--tlscert" -> flags.put("tlscert", value);
        case "--tlskey" -> flags.put("tlskey", value);
        default -> throw new ConfigException("unknown flag: " + name);
      }
    }
    if (!hosts.isEmpty()) {
      flags.put("hosts", String.join(",", hosts));
    }
    boolean explicit = configFile != null;
    Path file = Path.of(explicit ? configFile : DaemonConfig.DEFAULT_CONFIG_FILE);
    return ConfigLoader.load(file, explicit, env, flags);
  }
}
