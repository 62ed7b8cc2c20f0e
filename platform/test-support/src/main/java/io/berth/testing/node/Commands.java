package io.berth.testing.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with a time limit and returns what it printed. */
public final class Commands {
  private Commands() {}

  /** A finished command: exit code, standard output and standard error. */
  public record Result(int exit, String out, String err) {
    public boolean ok() {
      return exit == 0;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        return new Result(-1, out.join(), err.join() + "\n(killed after " + timeoutSeconds + " s)");
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      return new Result(-1, "", "cannot run " + command + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    }
  }

  public static Result run(String... command) {
    return run(List.of(command), Map.of(), 60);
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
