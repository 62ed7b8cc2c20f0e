package io.berth.host.netlink;

/** A macvlan on {@code parent}. Equivalent to: {@code ip link add NAME link PARENT type macvlan mode MODE}. */
public record Macvlan(LinkAttrs attrs, String parent, Mode mode) implements LinkSpec {
    public enum Mode {
        PRIVATE(1), VEPA(2), BRIDGE(4), PASSTHRU(8), SOURCE(16);

        final int value;

        Mode(int value) {
            this.value = value;
        }

        static Mode of(int value) {
            for (Mode m : values()) {
                if (m.value == value) {
                    return m;
                }
            }
            return null;
        }
    }

    public static Macvlan of(String name, String parent, Mode mode) {
        return new Macvlan(LinkAttrs.named(name), parent, mode);
    }

    public Macvlan with(LinkAttrs a) {
        return new Macvlan(a, parent, mode);
    }

    @Override
    public String kind() {
        return "macvlan";
    }
}
