package io.berth.kit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String json) throws IOException {
    Path f = dir.resolve("daemon.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void readsDockerKeysAndBerthKeys() throws IOException {
    Path f = write("""
        {"data-root": "/srv/berth", "log-level": "debug", "log-driver": "local", "log-opts": {"max-size": "10m"},
         "dns": ["10.0.0.2"], "dns-search": ["example.internal"], "mtu": 1400, "bip": "172.30.0.1/16",
         "kafka": {"bootstrap-servers": "k1:9092", "partitions": 6}, "cluster": {"members": ["10.0.0.5:5701"], "port": 5801}}
        """);
    DaemonConfig c = ConfigLoader.load(f, true, Map.of(), Map.of());
    assertEquals(Path.of("/srv/berth"), c.dataRoot());
    assertEquals("debug", c.logLevel());
    assertEquals("local", c.logDriver());
    assertEquals(Map.of("max-size", "10m"), c.logOpts());
    assertEquals(List.of("10.0.0.2"), c.dns());
    assertEquals(List.of("example.internal"), c.dnsSearch());
    assertEquals(1400, c.mtu().orElseThrow());
    assertEquals("k1:9092", c.kafkaBootstrap().orElseThrow());
    assertEquals(6, c.kafkaPartitions());
    assertEquals(List.of("10.0.0.5:5701"), c.clusterMembers());
    assertEquals(5801, c.clusterPort());
  }

  @Test
  void defaultsWhenTheDefaultFileIsAbsent() {
    DaemonConfig c = ConfigLoader.load(dir.resolve("absent.json"), false, Map.of(), Map.of());
    assertEquals(Path.of(DaemonConfig.DEFAULT_DATA_ROOT), c.dataRoot());
    assertEquals(List.of("unix:///run/berth/docker.sock"), c.hosts());
    assertTrue(c.kafkaBootstrap().isEmpty());
    assertEquals("json-file", c.logDriver());
  }

  @Test
  void anExplicitFileMustExist() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(dir.resolve("absent.json"), true, Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  void malformedJsonNamesTheFile() throws IOException {
    Path f = write("{\"log-level\": ");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, true, Map.of(), Map.of()));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("invalid JSON"), e.getMessage());
  }

  @Test
  void unknownKeysAreNamed() throws IOException {
    Path f = write("{\"log-levle\": \"debug\", \"data-root\": \"/x\"}");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, true, Map.of(), Map.of()));
    assertEquals("the following directives don't match any configuration option: log-levle", e.getMessage());
  }

  @Test
  void unknownNestedKeysAreNamed() throws IOException {
    Path f = write("{\"kafka\": {\"bootstrap\": \"k:1\"}}");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, true, Map.of(), Map.of()));
    assertTrue(e.getMessage().endsWith("kafka.bootstrap"), e.getMessage());
  }

  @Test
  void wrongTypesAndValuesAreNamed() throws IOException {
    Path mtu = write("{\"mtu\": \"big\"}");
    assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(mtu, true, Map.of(), Map.of()))
        .getMessage().startsWith("invalid value for 'mtu'"));
    Path level = write("{\"log-level\": \"loud\"}");
    assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(level, true, Map.of(), Map.of()))
        .getMessage().startsWith("invalid value for 'log-level'"));
    Path hosts = write("{\"hosts\": [\"http://x\"]}");
    assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(hosts, true, Map.of(), Map.of()))
        .getMessage().startsWith("invalid value for 'hosts'"));
  }

  @Test
  void environmentOverridesFileAndFlagsOverrideEnvironment() throws IOException {
    Path f = write("{\"data-root\": \"/from-file\", \"log-level\": \"warn\"}");
    DaemonConfig c = ConfigLoader.load(f, true,
        Map.of("BERTH_DATA_ROOT", "/from-env", "BERTH_KAFKA", "env:9092", "BERTH_LOG_LEVEL", "error"),
        Map.of("data-root", "/from-flag", "cluster.members", "a:1,b:2"));
    assertEquals(Path.of("/from-flag"), c.dataRoot());
    assertEquals("error", c.logLevel());
    assertEquals("env:9092", c.kafkaBootstrap().orElseThrow());
    assertEquals(List.of("a:1", "b:2"), c.clusterMembers());
  }

  @Test
  void flagsParseLikeDockerd() throws IOException {
    Path f = write("{}");
    DaemonConfig c = NodeFlags.parse(List.of("--config", f.toString(), "--data-root=/d", "-H", "unix:///tmp/b.sock",
        "-H", "tcp://127.0.0.1:2375", "--kafka", "k:1", "--cluster-port", "5799"), Map.of());
    assertEquals(Path.of("/d"), c.dataRoot());
    assertEquals(List.of("unix:///tmp/b.sock", "tcp://127.0.0.1:2375"), c.hosts());
    assertEquals(5799, c.clusterPort());
    assertThrows(ConfigException.class, () -> NodeFlags.parse(List.of("--bogus", "1"), Map.of()));
    assertThrows(ConfigException.class, () -> NodeFlags.parse(List.of("--data-root"), Map.of()));
    ConfigException port = assertThrows(ConfigException.class,
        () -> NodeFlags.parse(List.of("--config", f.toString(), "--cluster-port", "x"), Map.of()));
    assertTrue(port.getMessage().contains("'cluster.port'"), port.getMessage());
  }

  @Test
  void nestedValuesOfTheWrongTypeNameTheirFullKey() throws IOException {
    Map<String, String> cases = Map.of(
        "{\"kafka\": {\"partitions\": \"six\"}}", "invalid value for 'kafka.partitions': expected a number, got \"six\"",
        "{\"kafka\": {\"bootstrap-servers\": 9092}}", "invalid value for 'kafka.bootstrap-servers': expected a string, got 9092",
        "{\"kafka\": {\"replication-factor\": true}}", "invalid value for 'kafka.replication-factor': expected a number, got true",
        "{\"cluster\": {\"members\": \"a:1\"}}", "invalid value for 'cluster.members': expected a list of strings, got \"a:1\"",
        "{\"cluster\": {\"members\": [5701]}}", "invalid value for 'cluster.members[0]': expected a string, got 5701",
        "{\"cluster\": {\"port\": \"5701\"}}", "invalid value for 'cluster.port': expected a number, got \"5701\"",
        "{\"cluster\": {\"kubernetes\": []}}", "invalid value for 'cluster.kubernetes': expected an object, got []",
        "{\"kafka\": []}", "invalid value for 'kafka': expected an object, got []",
        "{\"default-address-pools\": [{\"base\": \"10.0.0.0/8\", \"size\": \"24\"}]}",
        "invalid value for 'default-address-pools[0].size': expected a number, got \"24\"",
        "{\"dns\": [\"10.0.0.2\", 53]}", "invalid value for 'dns[1]': expected a string, got 53");
    for (var c : cases.entrySet()) {
      Path f = write(c.getKey());
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, true, Map.of(), Map.of()), c.getKey());
      assertEquals(c.getValue(), e.getMessage(), c.getKey());
    }
  }

  @Test
  void nestedValuesOutOfRangeNameTheirFullKey() throws IOException {
    Map<String, String> cases = Map.of(
        "{\"kafka\": {\"partitions\": 0}}", "invalid value for 'kafka.partitions'",
        "{\"kafka\": {\"replication-factor\": 40000}}", "invalid value for 'kafka.replication-factor'",
        "{\"kafka\": {\"listen\": \"9192\"}}", "invalid value for 'kafka.listen'",
        "{\"cluster\": {\"port\": 70000}}", "invalid value for 'cluster.port'",
        "{\"cluster\": {\"discovery\": \"multicast\"}}", "invalid value for 'cluster.discovery'",
        "{\"default-address-pools\": [{\"size\": 24}]}", "invalid value for 'default-address-pools[0]'",
        "{\"default-address-pools\": [{\"base\": \"10.0.0.0/8\", \"sise\": 24}]}",
        "the following directives don't match any configuration option: default-address-pools[0].sise",
        "{\"log-opts\": {\"max-size\": [1]}}", "invalid value for 'log-opts.max-size'");
    for (var c : cases.entrySet()) {
      Path f = write(c.getKey());
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, true, Map.of(), Map.of()), c.getKey());
      assertTrue(e.getMessage().startsWith(c.getValue()), c.getKey() + " -> " + e.getMessage());
    }
  }

  @Test
  void logOptionsGivenAsNumbersAreTakenAsText() throws IOException {
    Path f = write("{\"log-opts\": {\"max-file\": 3, \"compress\": false}}");
    assertEquals(Map.of("max-file", "3", "compress", "false"), ConfigLoader.load(f, true, Map.of(), Map.of()).logOpts());
  }

  @Test
  void aFlagIntoANestedKeyOfTheWrongTypeNamesIt() throws IOException {
    Path f = write("{\"kafka\": \"k:1\"}");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(f, true, Map.of(), Map.of("kafka.listen", "127.0.0.1:9")));
    assertTrue(e.getMessage().startsWith("invalid value for 'kafka'"), e.getMessage());
  }

  @Test
  void debugSetsTheDebugLevelAsDockerdsDebugMode() throws IOException {
    Path f = write("{\"debug\": true, \"log-level\": \"warn\"}");
    DaemonConfig c = ConfigLoader.load(f, true, Map.of(), Map.of());
    assertTrue(c.debug());
    assertEquals("debug", c.logLevel());
    Path plain = write("{\"log-level\": \"warn\"}");
    DaemonConfig flag = NodeFlags.parse(List.of("--config", plain.toString(), "-D"), Map.of());
    assertEquals("debug", flag.logLevel());
    assertEquals("warn", NodeFlags.parse(List.of("--config", plain.toString(), "--debug=false"), Map.of()).logLevel());
  }

  @Test
  void ipv6OnTheDefaultBridgeIsRefusedNamingTheKey() throws IOException {
    Path on = write("{\"ipv6\": true}");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(on, true, Map.of(), Map.of()));
    assertTrue(e.getMessage().startsWith("invalid value for 'ipv6': true is not supported"), e.getMessage());
    Path cidr = write("{\"fixed-cidr-v6\": \"fd00::/64\"}");
    ConfigException c = assertThrows(ConfigException.class, () -> ConfigLoader.load(cidr, true, Map.of(), Map.of()));
    assertTrue(c.getMessage().startsWith("'fixed-cidr-v6' is not supported"), c.getMessage());
    Path off = write("{\"ipv6\": false}");
    ConfigLoader.load(off, true, Map.of(), Map.of());
  }
}
