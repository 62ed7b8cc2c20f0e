package io.berth.app;

import io.berth.dns.DnsService;
import io.berth.gateway.GatewayService;
import io.berth.ingress.IngressService;
import io.berth.kit.config.ConfigException;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.config.NodeFlags;
import io.berth.kit.node.ServiceMain;
import io.berth.kit.node.ServiceModule;
import io.berth.logging.LoggingService;
import io.berth.network.NetworkService;
import io.berth.volume.VolumeService;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code berth} command: {@code up} runs the all-in-one node (embedded Kafka, Hazelcast member, every service and
 * the gateway in one JVM); {@code events} publishes and tails events; {@code log-level} changes a running node's level.
 */
public final class Main {
  private Main() {}

  /** Every service, dependencies first; the gateway last so the API opens when everything behind it is up. */
  static List<ServiceModule> allServices() {
    return List.of(new VolumeService(), new NetworkService(), new DnsService(), new LoggingService(),
        new IngressService(), new GatewayService());
  }

  public static void main(String[] args) {
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "up" -> up(rest);
        case "events" -> System.exit(EventsCommand.run(rest));
        case "log-level" -> System.exit(LogLevelCommand.run(rest));
        case "-h", "--help", "help" -> usage();
        default -> {
          System.err.println("berth: unknown command: " + args[0]);
          usage();
          System.exit(2);
        }
      }
    } catch (ConfigException e) {
      System.err.println("berth: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("berth: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void up(List<String> args) {
    DaemonConfig config = NodeFlags.parse(args, System.getenv());
    ServiceMain.runUntilSignalled(config, "node", allServices(), true);
  }

  private static void usage() {
    System.err.println("""
        usage: berth up [--data-root DIR] [--exec-root DIR] [--config FILE] [-H unix:///path|tcp://host:port]...
                        [--tls] [--tlsverify[=false]] [--tlscacert FILE] [--tlscert FILE] [--tlskey FILE]
                        [--kafka host:port] [--cluster host:port,...] [--node-name NAME] [--log-level LEVEL] [-D]
               berth events publish TYPE --data JSON|@FILE [--key ID] [--source URI] [--kafka host:port] [--exec-root DIR]
               berth events tail [TOPIC...] [--from-beginning] [--count N] [--timeout SECONDS] [--kafka host:port]
               berth log-level [LEVEL] [-H unix:///path|tcp://host:port] [--tlsverify --tlscacert F --tlscert F --tlskey F]
        """);
  }
}
