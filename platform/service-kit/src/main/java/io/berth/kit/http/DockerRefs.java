package io.berth.kit.http;

import io.berth.kit.errors.BerthException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * How Docker finds the object a request names (a full id, a name, or a prefix of an id), with Docker's status and
 * message for each kind of object, as moby answers them:
 * <ul>
 *   <li>a container ({@code daemon.GetContainer}, {@code container.ViewDB.GetByPrefix}): exact id, then exact name
 *       (a leading {@code /} allowed), then a unique id prefix; an empty reference is 400
 *       {@code invalid name or ID supplied: ""}, an ambiguous prefix 400
 *       {@code multiple IDs found with provided prefix: X}, none 404 {@code No such container: X};</li>
 *   <li>a network ({@code daemon.FindNetwork}): exact id, then exact name, then a unique id prefix; several networks
 *       with that name are 400 {@code network X is ambiguous (N matches found on name)}, an ambiguous prefix 400
 *       {@code network X is ambiguous (N matches found based on ID prefix)}, none 404 {@code network X not found}.</li>
 * </ul>
 */
public final class DockerRefs {
  private DockerRefs() {}

  /** The container {@code ref} names among {@code all}. */
  public static <T> T container(Collection<T> all, String ref, Function<T, String> id, Function<T, String> name) {
    if (ref == null || ref.isEmpty()) {
      throw BerthException.invalid("invalid name or ID supplied: \"%s\"", ref == null ? "" : ref);
    }
    for (T c : all) {
      if (ref.equals(id.apply(c))) {
        return c;
      }
    }
    String bare = ref.startsWith("/") ? ref.substring(1) : ref;
    for (T c : all) {
      String n = name.apply(c);
      if (n != null && bare.equals(n.startsWith("/") ? n.substring(1) : n)) {
        return c;
      }
    }
    List<T> prefixed = all.stream().filter(c -> id.apply(c).startsWith(ref)).toList();
    if (prefixed.size() > 1) {
      throw BerthException.invalid("multiple IDs found with provided prefix: %s", ref);
    }
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    throw BerthException.notFound("No such container: %s", ref);
  }

  /** The network {@code ref} names among {@code all}. */
  public static <T> T network(Collection<T> all, String ref, Function<T, String> id, Function<T, String> name) {
    String term = ref == null ? "" : ref;
    for (T n : all) {
      if (term.equals(id.apply(n))) {
        return n;
      }
    }
    List<T> named = all.stream().filter(n -> term.equals(name.apply(n))).toList();
    if (named.size() > 1) {
      throw BerthException.invalid("network %s is ambiguous (%d matches found on name)", term, named.size());
    }
    if (named.size() == 1) {
      return named.get(0);
    }
    List<T> prefixed = all.stream().filter(n -> id.apply(n).startsWith(term)).toList();
    if (prefixed.size() > 1) {
      throw BerthException.invalid("network %s is ambiguous (%d matches found based on ID prefix)", term,
          prefixed.size());
    }
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    throw BerthException.notFound("network %s not found", term);
  }
}
