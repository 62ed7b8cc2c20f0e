package io.berth.host.nft;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables berth owns, rendered as one atomic nft transaction that replaces each of them whole:
 * {@code add table F N} (so the delete cannot fail), {@code delete table F N}, then the full {@code table F N {...}}.
 * Tables berth does not own are never touched.
 */
public final class Ruleset {
    private final List<Table> tables = new ArrayList<>();

    public static Ruleset of(Table... tables) {
        Ruleset r = new Ruleset();
        r.tables.addAll(List.of(tables));
        return r;
    }

    public Ruleset table(Table t) {
        tables.add(t);
        return this;
    }

    public List<Table> tables() {
        return List.copyOf(tables);
    }

    /** The transaction text for {@code nft -f}. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            sb.append("add table ").append(t.family()).append(' ').append(t.name()).append('\n');
            sb.append("delete table ").append(t.family()).append(' ').append(t.name()).append('\n');
            sb.append(t.render());
        }
        return sb.toString();
    }

    /** A transaction that removes the tables ({@code add} first, so it succeeds when they are absent). */
    public String renderDelete() {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            sb.append("add table ").append(t.family()).append(' ').append(t.name()).append('\n');
            sb.append("delete table ").append(t.family()).append(' ').append(t.name()).append('\n');
        }
        return sb.toString();
    }
}
