package io.berth.dns.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of a {@code resolv.conf}: name servers, search domains and options, in file order.
 *
 * @param nameservers {@code nameserver} addresses
 * @param search      {@code search} (or {@code domain}) entries
 * @param options     {@code options} entries
 */
public record ResolvConf(List<String> nameservers, List<String> search, List<String> options) {
  /** No lines at all. */
  public static final ResolvConf EMPTY = new ResolvConf(List.of(), List.of(), List.of());

  public ResolvConf {
    nameservers = List.copyOf(nameservers);
    search = List.copyOf(search);
    options = List.copyOf(options);
  }

  /** Reads a resolv.conf; comments and unknown keywords are skipped, the last {@code search}/{@code domain} wins. */
  public static ResolvConf parse(String text) {
    List<String> ns = new ArrayList<>();
    List<String> search = new ArrayList<>();
    List<String> options = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      String[] f = line.split("\\s+");
      switch (f[0]) {
        case "nameserver" -> {
          if (f.length > 1) {
            ns.add(f[1]);
          }
        }
        case "search", "domain" -> {
          search.clear();
          for (int i = 1; i < f.length && !f[i].startsWith("#"); i++) {
            search.add(f[i]);
          }
        }
        case "options" -> {
          for (int i = 1; i < f.length && !f[i].startsWith("#"); i++) {
            options.add(f[i]);
          }
        }
        default -> { }
      }
    }
    return new ResolvConf(ns, search, options);
  }

  /** The file text, one keyword per line, as Docker writes it. */
  public String render(String comment) {
    StringBuilder sb = new StringBuilder();
    if (comment != null && !comment.isEmpty()) {
      sb.append("# ").append(comment).append('\n');
      sb.append('\n');
    }
    nameservers.forEach(n -> sb.append("nameserver ").append(n).append('\n'));
    if (!search.isEmpty()) {
      sb.append("search ").append(String.join(" ", search)).append('\n');
    }
    if (!options.isEmpty()) {
      sb.append("options ").append(String.join(" ", options)).append('\n');
    }
    return sb.toString();
  }
}
