package io.berth.host.nft;

import java.util.ArrayList;
import java.util.List;

/** A table with its sets, maps and chains. berth's own is {@code table inet berth}. */
public final class Table {
    private final String family;
    private final String name;
    private final List<NftSet> sets = new ArrayList<>();
    private final List<NftMap> maps = new ArrayList<>();
    private final List<Chain> chains = new ArrayList<>();

    public Table(String family, String name) {
        if (!List.of("inet", "ip", "ip6", "bridge", "netdev", "arp").contains(family)) {
            throw new IllegalArgumentException("unknown nft family: " + family);
        }
        this.family = family;
        this.name = Nft.ident("table", name);
    }

    public static Table inet(String name) {
        return new Table("inet", name);
    }

    public Table set(NftSet set) {
        sets.add(set);
        return this;
    }

    public Table map(NftMap map) {
        maps.add(map);
        return this;
    }

    public Table chain(Chain chain) {
        chains.add(chain);
        return this;
    }

    public String family() {
        return family;
    }

    public String name() {
        return name;
    }

    public List<Chain> chains() {
        return List.copyOf(chains);
    }

    /** {@code table FAMILY NAME { ... }}, as {@code nft list table} would print it. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("table ").append(family).append(' ').append(name).append(" {\n");
        boolean first = true;
        for (NftSet s : sets) {
            first = separate(sb, first);
            s.render(sb);
        }
        for (NftMap m : maps) {
            first = separate(sb, first);
            m.render(sb);
        }
        for (Chain c : chains) {
            first = separate(sb, first);
            c.render(sb);
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static boolean separate(StringBuilder sb, boolean first) {
        if (!first) {
            sb.append('\n');
        }
        return false;
    }
}
