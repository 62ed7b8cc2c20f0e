package io.berth.host.nft;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule: match expressions, an optional counter, a statement/verdict, an optional comment. Immutable; each method
 * returns a new rule. Renders as one line of nft syntax.
 */
public record Rule(String match, boolean counted, String action, String comment) {
    public Rule {
        match = match == null ? "" : match.strip();
        action = action == null ? "" : action.strip();
        if (comment != null) {
            Nft.quoted(comment);
        }
        if (match.contains("\n") || action.contains("\n")) {
            throw new IllegalArgumentException("a rule is one line");
        }
    }

    /** Match expressions only, e.g. {@code "ip daddr 10.0.0.10 tcp dport 80"}; add the action with {@link #then}. */
    public static Rule match(String match) {
        return new Rule(match, false, null, null);
    }

    /** A rule made of raw nft text (match and statement). */
    public static Rule raw(String text) {
        return new Rule(null, false, text, null);
    }

    public Rule then(String statement) {
        return new Rule(match, counted, statement, comment);
    }

    public Rule counter() {
        return new Rule(match, true, action, comment);
    }

    public Rule comment(String text) {
        return new Rule(match, counted, action, text);
    }

    public Rule accept() {
        return then("accept");
    }

    public Rule drop() {
        return then("drop");
    }

    public Rule jump(String chain) {
        return then("jump " + Nft.ident("chain", chain));
    }

    public Rule masquerade() {
        return then("masquerade");
    }

    /** {@code dnat ip to ADDR[:PORT]} (inside an {@code inet} table the family must be named). */
    public Rule dnat(String family, String target) {
        return then("dnat " + family + " to " + target);
    }

    /**
     * Round-robin DNAT over backends: {@code dnat ip to numgen inc mod N map { 0 : A, 1 : B }}. Backends are
     * addresses, or {@code addr:port} (then it renders {@code dnat ip addr . port to ... map { 0 : A . P }}).
     */
    public Rule dnatNumgen(String family, List<String> backends) {
        return then(dnatMap(family, "numgen inc mod " + backends.size(), backends));
    }

    /**
     * Hash-based DNAT (sticky per flow): {@code dnat ip to jhash KEY mod N map { ... }}, with {@code key} such as
     * {@code "ip saddr . tcp sport"}.
     */
    public Rule dnatJhash(String family, String key, List<String> backends) {
        return then(dnatMap(family, "jhash " + key + " mod " + backends.size(), backends));
    }

    private static String dnatMap(String family, String selector, List<String> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("no backends");
        }
        boolean withPort = backends.get(0).matches(".*[.\\]]\\d*:\\d+$") || backends.get(0).matches("^[0-9.]+:\\d+$");
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < backends.size(); i++) {
            String b = backends.get(i);
            if (withPort) {
                int colon = b.lastIndexOf(':');
                String addr = b.substring(0, colon).replace("[", "").replace("]", "");
                elements.add(i + " : " + addr + " . " + b.substring(colon + 1));
            } else {
                elements.add(i + " : " + b);
            }
        }
        return "dnat " + family + (withPort ? " addr . port" : "") + " to " + selector + " map { "
                + String.join(", ", elements) + " }";
    }

    String render() {
        StringBuilder sb = new StringBuilder(match);
        if (counted) {
            sb.append(sb.length() > 0 ? " " : "").append("counter");
        }
        if (!action.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append(action);
        }
        if (comment != null) {
            sb.append(" comment ").append(Nft.quoted(comment));
        }
        return sb.toString();
    }
}
