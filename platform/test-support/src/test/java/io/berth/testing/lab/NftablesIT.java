package io.berth.testing.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.berth.host.NftException;
import io.berth.host.Nftables;
import io.berth.host.nft.Chain;
import io.berth.host.nft.NftMap;
import io.berth.host.nft.NftSet;
import io.berth.host.nft.Rule;
import io.berth.host.nft.Ruleset;
import io.berth.host.nft.Table;

/** libnftables in a lab namespace: atomic apply, JSON read-back, errors, and the namespace binding. */
@Tag("host")
class NftablesIT {
    @RegisterExtension
    LabNetns lab = new LabNetns();

    static Ruleset berth(String vip, List<String> backends) {
        return Ruleset.of(Table.inet("berth")
                .set(NftSet.prefixes("isolated", "ipv4_addr", List.of("10.10.0.0/24", "10.11.0.0/24")))
                .set(NftSet.of("published", "inet_service", List.of("80", "443")))
                .map(NftMap.of("vips", "ipv4_addr . inet_service", "verdict",
                        Map.of(vip + " . 80", "jump svc-web")))
                .chain(Chain.natPrerouting("prerouting")
                        .rule(Rule.match("ip daddr . tcp dport").then("vmap @vips")))
                .chain(Chain.natOutput("output").rule(Rule.match("ip daddr . tcp dport").then("vmap @vips")))
                .chain(Chain.regular("svc-web").rule(Rule.match("").counter().dnatNumgen("ip", backends)
                        .comment("service web")))
                .chain(Chain.natPostrouting("postrouting")
                        .rule(Rule.match("ip saddr 10.10.0.0/24 oifname != \"br-a\"").masquerade()))
                .chain(Chain.filterForward("forward", "accept")
                        .rule(Rule.match("iifname \"br-a\" oifname \"br-b\"").counter().drop()
                                .comment("isolation between networks"))));
    }

    @Test
    void applyReadBackAndReplaceAtomically() {
        Nftables nft = lab.nft();
        nft.apply(berth("10.99.0.10", List.of("10.88.0.2", "10.88.0.3")));
        String text = lab.exec("nft", "list", "table", "inet", "berth").orFail();
        assertTrue(text.contains("dnat ip to numgen inc mod 2 map { 0 : 10.88.0.2, 1 : 10.88.0.3 }"), text);
        assertTrue(text.contains("comment \"service web\""), text);
        assertTrue(text.contains("type nat hook prerouting priority dstnat; policy accept;"), text);
        String json = nft.listTableJson("inet", "berth");
        assertTrue(json.replace(" ", "").contains("\"numgen\":{\"mode\":\"inc\",\"mod\":2"), json);
        assertTrue(nft.listRulesetJson().replace(" ", "").contains("\"name\":\"berth\""));
        assertEquals(List.of("inet berth"), nft.listTables());

        // applying again replaces the table whole (no duplicate rules)
        nft.apply(berth("10.99.0.10", List.of("10.88.0.4", "10.88.0.5", "10.88.0.6")));
        String again = lab.exec("nft", "list", "chain", "inet", "berth", "svc-web").orFail();
        assertTrue(again.contains("numgen inc mod 3"), again);
        assertEquals(1, again.lines().filter(l -> l.contains("dnat")).count(), again);
    }

    @Test
    void jhashAndPortMapsRender() {
        Nftables nft = lab.nft();
        nft.apply(Ruleset.of(Table.inet("berth").chain(Chain.natPrerouting("prerouting")
                .rule(Rule.match("ip daddr 10.99.0.11 tcp dport 8080")
                        .dnatJhash("ip", "ip saddr . tcp sport", List.of("10.88.0.2:80", "10.88.0.3:80"))))));
        String text = lab.exec("nft", "list", "chain", "inet", "berth", "prerouting").orFail();
        assertTrue(text.contains("jhash ip saddr . tcp sport mod 2"), text);
        assertTrue(text.contains("10.88.0.2 . 80"), text);
    }

    @Test
    void syntaxErrorIsTypedAndAppliesNothing() {
        Nftables nft = lab.nft();
        nft.apply(berth("10.99.0.10", List.of("10.88.0.2")));
        String before = nft.listRuleset();
        NftException e = assertThrows(NftException.class,
                () -> nft.run("add table inet berth\ndelete table inet berth\ntable inet berth { chian x { } }\n"));
        assertTrue(e.kernelMessage().contains("syntax error"), e.getMessage());
        assertTrue(e.kernelMessage().contains("^"), "nft's caret diagnostics: " + e.getMessage());
        assertEquals(before, nft.listRuleset(), "the transaction was all or nothing");

        // a kernel-side error (jump to a missing chain) also leaves the old ruleset in place
        NftException k = assertThrows(NftException.class, () -> nft.run(
                "add table inet berth\ndelete table inet berth\ntable inet berth {\n chain c {\n  jump nowhere\n }\n}\n"));
        assertTrue(k.kernelMessage().contains("nowhere") || k.kernelMessage().contains("No such file"), k.getMessage());
        assertEquals(before, nft.listRuleset());
    }

    @Test
    void jsonInputAndContextBoundToItsNamespace() {
        lab.nft().runJson("{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"jsontab\"}}}]}");
        assertTrue(lab.exec("nft", "list", "tables").orFail().contains("table inet jsontab"));
        var other = lab.newNetns("nft2");
        // the other namespace's context sees its own (empty) ruleset, even when called from this thread
        assertEquals(List.of(), other.nftables().listTables());
        other.nftables().run("add table inet only-there");
        assertTrue(lab.exec(other, "nft", "list", "tables").orFail().contains("only-there"));
        assertTrue(!lab.nft().listTables().contains("inet only-there"));
        lab.nft().run(Ruleset.of(Table.inet("jsontab")).renderDelete());
        assertTrue(!lab.exec("nft", "list", "tables").orFail().contains("jsontab"));
    }
}
