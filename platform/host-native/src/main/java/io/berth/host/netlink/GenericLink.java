package io.berth.host.netlink;

/**
 * A link of a kind that takes no options here (e.g. {@code dummy}, {@code ifb}). Equivalent to:
 * {@code ip link add NAME type KIND}.
 */
public record GenericLink(LinkAttrs attrs, String kind) implements LinkSpec {
    public GenericLink {
        if (kind == null || !kind.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("invalid link kind: " + kind);
        }
    }

    public static GenericLink of(String name, String kind) {
        return new GenericLink(LinkAttrs.named(name), kind);
    }
}
