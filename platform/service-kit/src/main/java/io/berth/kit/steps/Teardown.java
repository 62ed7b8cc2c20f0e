package io.berth.kit.steps;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Removes something in named steps and collects every error instead of stopping at the first (netavark's error list):
 * a bridge whose firewall rules could not be removed should still be deleted, and the caller should hear of both.
 * Steps run one after the other in the order given, since later ones may need earlier ones done (leave the network
 * before the namespace goes). {@code new Teardown("network " + name + " removal").then("firewall", () ->
 * firewall.removeNetwork(id)).then("ip link delete " + dev, () -> deleteLink()).run()}.
 */
public final class Teardown {
  private record Action(String name, Supplier<Future<Void>> action) {}

  private final String what;
  private final List<Action> actions = new ArrayList<>();

  /** {@code what} names the whole teardown in the failure, e.g. {@code "network web removal"}. */
  public Teardown(String what) {
    this.what = what;
  }

  /** Adds a step; it runs after the ones added before it, whether they failed or not. */
  public Teardown then(String name, Supplier<Future<Void>> action) {
    actions.add(new Action(name, action));
    return this;
  }

  /** Runs every step and gives the errors ({@code NAME: MESSAGE}, in order); never fails. Runs the steps once. */
  public Future<List<String>> collect() {
    return collect(new ArrayList<>()).map(List::copyOf);
  }

  /**
   * Runs every step; fails with {@link StepsFailed} ({@code WHAT failed: NAME: MESSAGE; ...}) when any step failed, its
   * cause the first failure and the others suppressed.
   */
  public Future<Void> run() {
    List<Throwable> failures = new ArrayList<>();
    return collect(failures).compose(errors -> {
      if (errors.isEmpty()) {
        return Future.succeededFuture();
      }
      StepsFailed failed = new StepsFailed(what, errors, failures.get(0));
      failures.stream().skip(1).forEach(failed::addSuppressed);
      return Future.failedFuture(failed);
    });
  }

  private Future<List<String>> collect(List<Throwable> failures) {
    List<Action> todo = List.copyOf(actions);
    actions.clear();
    List<String> errors = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Action a : todo) {
      chain = chain.compose(x -> start(a).otherwise(e -> {
        errors.add(a.name() + ": " + Failures.message(e));
        failures.add(e);
        return null;
      }));
    }
    return chain.map(x -> errors);
  }

  private static Future<Void> start(Action a) {
    try {
      Future<Void> f = a.action().get();
      return f != null ? f : Future.failedFuture("gave no future");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
