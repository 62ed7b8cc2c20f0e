package io.berth.testing.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.berth.host.Mounts;
import io.berth.host.Nftables;
import io.berth.host.netlink.Link;
import io.berth.host.netlink.Netlink;

/**
 * After a host test: nothing whose name carries the test's prefix may remain — no namespace file (in the lab run dir
 * or {@code /run/netns}), no link in the caller's namespace, no mount, no nft table. Read-only: it only looks.
 */
public final class LeakCheck {
    private LeakCheck() {
    }

    /** What is left, one line per leak; empty when clean. */
    public static List<String> find(String prefix, Path labRoot) {
        List<String> leaks = new ArrayList<>();
        for (Path dir : List.of(labRoot.resolve("netns"), Path.of("/run/netns"), Path.of("/run/berth/netns"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.getFileName().toString().startsWith(prefix))
                            .forEach(p -> leaks.add("netns file " + p));
                } catch (IOException e) {
                    leaks.add("cannot list " + dir + ": " + e);
                }
            }
        }
        Mounts.list().stream().filter(m -> m.mountPoint().toString().contains(prefix) || m.source().contains(prefix))
                .forEach(m -> leaks.add("mount " + m.mountPoint() + " (" + m.fsType() + " " + m.source() + ")"));
        try (Netlink nl = Netlink.open()) {
            for (Link l : nl.list()) {
                if (l.name() != null && l.name().startsWith(prefix)) {
                    leaks.add("link " + l.name() + " in the test runner's namespace");
                }
            }
        }
        try (Nftables nft = Nftables.create()) {
            nft.listTables().stream().filter(t -> t.contains(prefix)).forEach(t -> leaks.add("nft table " + t));
        }
        return leaks;
    }

    /** Fails with the list of leaks, if any. */
    public static void assertClean(String prefix, Path labRoot) {
        List<String> leaks = find(prefix, labRoot);
        if (!leaks.isEmpty()) {
            throw new AssertionError("host resources of " + prefix + " left behind:\n  " + String.join("\n  ", leaks));
        }
    }
}
