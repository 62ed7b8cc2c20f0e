package io.berth.app;

import io.berth.kit.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small command-line parsing for the {@code berth} subcommands: {@code --name value} options and positionals. */
final class CliArgs {
  final Map<String, String> options = new HashMap<>();
  final List<String> positional = new ArrayList<>();

  static CliArgs parse(List<String> args, Set<String> valued, Set<String> switches) {
    CliArgs parsed = new CliArgs();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (switches.contains(a)) {
        parsed.options.put(a, "true");
      } else if (valued.contains(a)) {
        if (i + 1 >= args.size()) throw new ConfigException("flag needs an argument: " + a);
        parsed.options.put(a, args.get(++i));
      } else if (a.startsWith("-")) {
        throw new ConfigException("unknown flag: " + a);
      } else {
        parsed.positional.add(a);
      }
    }
    return parsed;
  }

  String get(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  /** The node's Kafka: {@code --kafka}, else {@code BERTH_KAFKA}, else the file the running node wrote in its exec root. */
  String kafkaBootstrap() {
    String explicit = options.getOrDefault("--kafka", System.getenv("BERTH_KAFKA"));
    if (explicit != null && !explicit.isBlank()) return explicit;
    String execRoot = options.getOrDefault("--exec-root",
        System.getenv().getOrDefault("BERTH_EXEC_ROOT", "/run/berth"));
    Path file = Path.of(execRoot, "kafka.bootstrap");
    try {
      return Files.readString(file).trim();
    } catch (java.io.IOException e) {
      throw new ConfigException("no Kafka to talk to: pass --kafka host:port, or start a node (" + file + " is missing)");
    }
  }
}
