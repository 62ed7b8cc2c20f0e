package io.berth.host.nft;

import java.util.List;

/**
 * A named set, e.g. of {@code ipv4_addr} (with {@code interval} for prefixes) or {@code inet_service} (ports).
 * Renders as {@code set NAME { type T; flags F; elements = { ... } }}.
 */
public record NftSet(String name, String type, List<String> flags, List<String> elements) {
    public NftSet {
        Nft.ident("set", name);
        flags = List.copyOf(flags);
        elements = List.copyOf(elements);
    }

    public static NftSet of(String name, String type, List<String> elements) {
        return new NftSet(name, type, List.of(), elements);
    }

    /** A set of prefixes: {@code type ipv4_addr; flags interval}. */
    public static NftSet prefixes(String name, String type, List<String> prefixes) {
        return new NftSet(name, type, List.of("interval"), prefixes);
    }

    void render(StringBuilder sb) {
        sb.append("\tset ").append(name).append(" {\n\t\ttype ").append(type).append('\n');
        if (!flags.isEmpty()) {
            sb.append("\t\tflags ").append(String.join(",", flags)).append('\n');
        }
        if (!elements.isEmpty()) {
            sb.append("\t\telements = { ").append(String.join(", ", elements)).append(" }\n");
        }
        sb.append("\t}\n");
    }
}
