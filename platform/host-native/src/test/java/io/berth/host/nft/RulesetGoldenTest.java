package io.berth.host.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Generated rulesets compared with golden files in {@code src/test/resources/golden/}. To update one after an intended
 * change, run with {@code -Dberth.golden.update=true} and review the diff.
 */
class RulesetGoldenTest {
    static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("berth.golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden", name), actual);
        }
        try (InputStream in = RulesetGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("missing golden file golden/" + name + "; generated:\n" + actual);
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "golden/" + name);
        }
    }

    /** What the ingress service generates for a published service with two tasks, plus bridge isolation. */
    static Ruleset ingress() {
        Map<String, String> vips = new LinkedHashMap<>();
        vips.put("10.0.0.10 . 80", "jump svc-web");
        vips.put("10.0.0.11 . 5432", "jump svc-db");
        return Ruleset.of(Table.inet("berth")
                .set(NftSet.prefixes("bridge-subnets", "ipv4_addr", List.of("172.18.0.0/16", "172.19.0.0/16")))
                .set(NftSet.of("published-ports", "inet_service", List.of("8080", "5432")))
                .map(NftMap.of("service-vips", "ipv4_addr . inet_service", "verdict", vips))
                .chain(Chain.natPrerouting("prerouting")
                        .rule(Rule.match("ip daddr . tcp dport").then("vmap @service-vips"))
                        .rule(Rule.match("fib daddr type local tcp dport 8080").counter()
                                .dnatNumgen("ip", List.of("172.18.0.2:80", "172.18.0.3:80")).comment("publish web 8080")))
                .chain(Chain.natOutput("output").rule(Rule.match("ip daddr . tcp dport").then("vmap @service-vips")))
                .chain(Chain.regular("svc-web").rule(Rule.match("").counter()
                        .dnatNumgen("ip", List.of("172.18.0.2", "172.18.0.3")).comment("service web")))
                .chain(Chain.regular("svc-db").rule(Rule.match("").counter()
                        .dnatJhash("ip", "ip saddr . tcp sport", List.of("172.19.0.2", "172.19.0.3"))))
                .chain(Chain.natPostrouting("postrouting")
                        .rule(Rule.match("ip saddr 172.18.0.0/16 oifname != \"br-1a2b3c4d5e6f\"").masquerade())
                        .rule(Rule.match("ip saddr 172.19.0.0/16 oifname != \"br-6f5e4d3c2b1a\"").masquerade()))
                .chain(Chain.filterForward("forward", "accept")
                        .rule(Rule.match("ct state established,related").accept())
                        .rule(Rule.match("iifname \"br-1a2b3c4d5e6f\" oifname \"br-6f5e4d3c2b1a\"").counter().drop()
                                .comment("isolate bridge networks"))
                        .rule(Rule.match("iifname \"br-6f5e4d3c2b1a\" oifname \"br-1a2b3c4d5e6f\"").counter().drop()
                                .comment("isolate bridge networks"))));
    }

    @Test
    void ingressRuleset() throws IOException {
        assertGolden("ingress.nft", ingress().render());
    }

    @Test
    void deleteTransaction() throws IOException {
        assertGolden("delete.nft", ingress().renderDelete());
    }

    @Test
    void rejectsTextThatWouldBreakTheFile() {
        assertThrows(IllegalArgumentException.class, () -> Rule.match("x").comment("has \"quotes\""));
        assertThrows(IllegalArgumentException.class, () -> Rule.raw("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> Table.inet("bad name"));
        assertThrows(IllegalArgumentException.class, () -> new Table("ipx", "t"));
        assertThrows(IllegalArgumentException.class, () -> Rule.match("").dnatNumgen("ip", List.of()));
    }
}
