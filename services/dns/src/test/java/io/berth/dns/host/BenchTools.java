package io.berth.dns.host;

import io.berth.testing.node.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The programs a benchmark compares berth against. A benchmark that lacks one would give no figure, and a skipped
 * benchmark reads like a passed one: missing tools are installed with {@code bin/berth install-bench-packages}
 * (Debian packages, as root), and a tool that still cannot be had fails the benchmark with its name.
 */
final class BenchTools {
  private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/usr/lib/podman");

  private BenchTools() {}

  /**
   * Makes sure every tool (name → Debian package) is installed.
   *
   * @throws AssertionError naming each tool still missing and what the installer said
   */
  static void require(Map<String, String> tools) {
    Map<String, String> missing = missing(tools);
    if (missing.isEmpty()) {
      return;
    }
    System.out.println("benchmark tools missing: " + describe(missing) + "; running bin/berth install-bench-packages");
    String installer = install();
    Map<String, String> still = missing(tools);
    if (!still.isEmpty()) {
      throw new AssertionError("the benchmark needs " + describe(still) + ", which bin/berth install-bench-packages "
          + "could not install (run it as root where the Debian archive is reachable): " + installer);
    }
  }

  /** Tool → package for the tools {@code names} asks for, out of the ones given. */
  static Map<String, String> of(Map<String, String> all, List<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    all.forEach((tool, pkg) -> {
      if (names.contains(tool)) {
        out.put(tool, pkg);
      }
    });
    return out;
  }

  static boolean installed(String tool) {
    return Stream.concat(Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(":")),
        EXTRA_DIRS.stream()).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  private static Map<String, String> missing(Map<String, String> tools) {
    Map<String, String> out = new LinkedHashMap<>();
    tools.forEach((tool, pkg) -> {
      if (!installed(tool)) {
        out.put(tool, pkg);
      }
    });
    return out;
  }

  private static String describe(Map<String, String> tools) {
    List<String> parts = new ArrayList<>();
    tools.forEach((tool, pkg) -> parts.add(tool + " (Debian package " + pkg + ")"));
    return String.join(", ", parts);
  }

  /** Runs the installer; returns its exit status and output. */
  private static String install() {
    try {
      Process p = new ProcessBuilder(Repo.root().resolve("bin/berth").toString(), "install-bench-packages")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(1, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return "did not exit: " + out;
      }
      return "exit " + p.exitValue() + (out.isEmpty() ? "" : ": " + out);
    } catch (IOException | RuntimeException e) {
      return String.valueOf(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
