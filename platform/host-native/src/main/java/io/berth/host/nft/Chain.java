package io.berth.host.nft;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain: a base chain (type, hook, priority, policy) or a regular one (jump target).
 * Renders as {@code chain NAME { type nat hook prerouting priority dstnat; policy accept; RULES }}.
 */
public final class Chain {
    private final String name;
    private final String type;
    private final String hook;
    private final String priority;
    private final String policy;
    private final List<Rule> rules = new ArrayList<>();

    private Chain(String name, String type, String hook, String priority, String policy) {
        this.name = Nft.ident("chain", name);
        this.type = type;
        this.hook = hook;
        this.priority = priority;
        this.policy = policy;
    }

    /**
     * A base chain. {@code type}: filter, nat, route; {@code hook}: prerouting, input, forward, output, postrouting;
     * {@code priority}: a number or a standard name (dstnat, srcnat, filter, mangle, raw); {@code policy}: accept or
     * drop.
     */
    public static Chain base(String name, String type, String hook, String priority, String policy) {
        return new Chain(name, type, hook, priority, policy);
    }

    /** {@code type nat hook prerouting priority dstnat; policy accept;} */
    public static Chain natPrerouting(String name) {
        return base(name, "nat", "prerouting", "dstnat", "accept");
    }

    /** {@code type nat hook output priority -100; policy accept;} (locally generated connections) */
    public static Chain natOutput(String name) {
        return base(name, "nat", "output", "-100", "accept");
    }

    /** {@code type nat hook postrouting priority srcnat; policy accept;} */
    public static Chain natPostrouting(String name) {
        return base(name, "nat", "postrouting", "srcnat", "accept");
    }

    /** {@code type filter hook forward priority filter; policy POLICY;} */
    public static Chain filterForward(String name, String policy) {
        return base(name, "filter", "forward", "filter", policy);
    }

    public static Chain regular(String name) {
        return new Chain(name, null, null, null, null);
    }

    public Chain rule(Rule rule) {
        rules.add(rule);
        return this;
    }

    public Chain rules(List<Rule> more) {
        rules.addAll(more);
        return this;
    }

    public String name() {
        return name;
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    void render(StringBuilder sb) {
        sb.append("\tchain ").append(name).append(" {\n");
        if (type != null) {
            sb.append("\t\ttype ").append(type).append(" hook ").append(hook).append(" priority ").append(priority)
                    .append("; policy ").append(policy).append(";\n");
        }
        for (Rule r : rules) {
            sb.append("\t\t").append(r.render()).append('\n');
        }
        sb.append("\t}\n");
    }
}
