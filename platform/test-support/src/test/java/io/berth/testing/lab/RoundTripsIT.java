package io.berth.testing.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Bridge;
import io.berth.host.netlink.FdbEntry;
import io.berth.host.netlink.IpPrefix;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.Macvlan;
import io.berth.host.netlink.Netlink;
import io.berth.host.netlink.Route;
import io.berth.host.netlink.Veth;
import io.berth.host.netlink.Vxlan;
import io.berth.host.nft.Chain;
import io.berth.host.nft.Rule;
import io.berth.host.nft.Ruleset;
import io.berth.host.nft.Table;

/** The data paths later issues build on, end to end with real traffic inside the lab. */
@Tag("host")
class RoundTripsIT {
    @RegisterExtension
    LabNetns lab = new LabNetns();

    /** A "container" namespace joined to {@code bridge} in {@code hostNs} by a veth, with eth0 = address. */
    NetnsHandle container(NetnsHandle hostNs, Netlink host, String name, String bridge, String address, int mtu) {
        NetnsHandle c = hostNs == lab.netns() ? lab.newNetns(name) : lab.newNetns(name);
        host.add(new Veth(LinkAttrs.named("v" + name).withMaster(bridge).withMtu(mtu).withUp(true), "eth0", c.path()));
        Netlink nl = lab.netlink(c);
        nl.addAddress("eth0", address);
        nl.setMtu("eth0", mtu);
        nl.setUp("eth0");
        return c;
    }

    ExecResult ping(NetnsHandle from, String to) {
        return lab.exec(from, "busybox", "ping", "-c", "1", "-W", "2", to);
    }

    @Test
    void twoNamespacesPingThroughAVethBridge() {
        Netlink nl = lab.netlink();
        nl.add(Bridge.of("br0").with(LinkAttrs.named("br0").withUp(true)));
        NetnsHandle a = container(lab.netns(), nl, "a", "br0", "10.77.0.2/24", 1500);
        NetnsHandle b = container(lab.netns(), nl, "b", "br0", "10.77.0.3/24", 1500);
        ExecResult r = ping(a, "10.77.0.3");
        assertTrue(r.ok(), r.toString());
        assertTrue(r.stdout().contains("1 packets received"), r.stdout());
        assertTrue(ping(b, "10.77.0.2").ok());
    }

    @Test
    void vxlanBetweenTwoLabHostsWithStaticFdb() {
        lab.requireLinkKind("vxlan");
        Lab topo = lab.lab().hosts(2).build();
        assertTrue(topo.host(0).exec("busybox", "ping", "-c", "1", "-W", "2",
                topo.host(1).address().getHostAddress()).ok(), "underlay works");
        List<NetnsHandle> ctrs = new ArrayList<>();
        List<String> macs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LabHost h = topo.host(i);
            Netlink hn = h.netlink();
            hn.add(Bridge.of("br42").with(LinkAttrs.named("br42").withUp(true)));
            hn.add(Vxlan.of("vx42", 42).withLocal(h.address()).withDev("eth0")
                    .with(LinkAttrs.named("vx42").withMtu(1450).withMaster("br42").withUp(true)));
            NetnsHandle c = container(h.netns(), hn, h.name() + "-c", "br42", "10.42.0." + (i + 2) + "/24", 1450);
            ctrs.add(c);
            macs.add(lab.netlink(c).get("eth0").mac());
        }
        for (int i = 0; i < 2; i++) {
            LabHost h = topo.host(i);
            LabHost peer = topo.host(1 - i);
            // bridge fdb append 00:00:00:00:00:00 dev vx42 dst <peer vtep>; a per-MAC entry; a static neighbour
            h.netlink().appendFdb(FdbEntry.floodTo("vx42", peer.address()));
            h.netlink().addFdb(FdbEntry.remote("vx42", macs.get(1 - i), peer.address()));
            lab.netlink(ctrs.get(i)).addNeighbour("eth0", "10.42.0." + (3 - i), macs.get(1 - i));
        }
        ExecResult r = ping(ctrs.get(0), "10.42.0.3");
        assertTrue(r.ok(), "ping over VXLAN: " + r);
        assertTrue(lab.exec(topo.host(0).netns(), "bridge", "fdb", "show", "dev", "vx42").orFail()
                .contains(macs.get(1) + " dst " + topo.host(1).address().getHostAddress() + " self permanent"));
        assertTrue(ping(ctrs.get(1), "10.42.0.2").ok());
    }

    @Test
    void macvlanSiblingsInBridgeModeOnAVethEnd() {
        Netlink nl = lab.netlink();
        nl.add(Veth.of("par0", "par1").with(LinkAttrs.named("par0").withUp(true)));
        nl.setUp("par1");
        List<NetnsHandle> ends = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            NetnsHandle c = lab.newNetns("mv" + i);
            nl.add(Macvlan.of("mv" + i, "par0", Macvlan.Mode.BRIDGE));
            nl.setNetns("mv" + i, c);
            Netlink cn = lab.netlink(c);
            cn.addAddress("mv" + i, "10.66.0." + (i + 2) + "/24");
            cn.setUp("mv" + i);
            assertTrue(lab.exec(c, "ip", "-d", "link", "show", "mv" + i).orFail().contains("macvlan mode bridge"));
            ends.add(c);
        }
        ExecResult r = ping(ends.get(0), "10.66.0.3");
        assertTrue(r.ok(), r.toString());
    }

    @Test
    void nftDnatNumgenSpreadsTcpConnectionsOverTwoBackends() throws Exception {
        Netlink nl = lab.netlink();
        lab.sysctls().ipForward(true);
        nl.add(Bridge.of("lbr").with(LinkAttrs.named("lbr").withUp(true)));
        nl.addAddress("lbr", "10.88.0.1/24");
        List<String> backends = List.of("10.88.0.2", "10.88.0.3");
        for (int i = 0; i < 2; i++) {
            NetnsHandle b = container(lab.netns(), nl, "be" + i, "lbr", backends.get(i) + "/24", 1500);
            lab.netlink(b).addRoute(Route.defaultVia("10.88.0.1"));
            Path root = lab.tempDir("www" + i);
            Files.writeString(root.resolve("index.html"), "backend-" + i + "\n");
            lab.start(b, "busybox", "httpd", "-f", "-p", backends.get(i) + ":80", "-h", root.toString());
        }
        // the client reaches the VIP through the lab namespace, whose prerouting chain does the DNAT
        NetnsHandle client = lab.newNetns("cl");
        nl.add(new Veth(LinkAttrs.named("vcl").withUp(true), "eth0", client.path()));
        nl.addAddress("vcl", "10.89.0.1/24");
        Netlink cn = lab.netlink(client);
        cn.addAddress("eth0", "10.89.0.2/24");
        cn.setUp("eth0");
        cn.addRoute(Route.defaultVia("10.89.0.1"));
        lab.nft().apply(Ruleset.of(Table.inet(lab.prefix().replace('-', '_'))
                .chain(Chain.natPrerouting("prerouting").rule(Rule.match("ip daddr 10.99.0.100 tcp dport 80")
                        .counter().dnatNumgen("ip", backends).comment("vip web")))));
        for (int i = 0; i < 2; i++) {
            waitForHttp(client, backends.get(i));
        }
        int[] hits = new int[2];
        for (int i = 0; i < 6; i++) {
            String body = httpGet(client, "10.99.0.100");
            hits[body.contains("backend-0") ? 0 : 1]++;
        }
        assertEquals(3, hits[0], "round robin over 2 backends: " + hits[0] + "/" + hits[1]);
        assertEquals(3, hits[1]);
        String rules = lab.exec("nft", "list", "chain", "inet", lab.prefix().replace('-', '_'), "prerouting").orFail();
        assertTrue(rules.contains("packets 6"), "each new connection is DNATed once: " + rules);
    }

    /** One HTTP/1.0 GET on a new TCP connection, from a socket made inside {@code from}. */
    static String httpGet(NetnsHandle from, String address) {
        return from.call(() -> {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(address, 80), 2000);
                s.setSoTimeout(3000);
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        });
    }

    void waitForHttp(NetnsHandle from, String address) {
        Await.until("backend " + address + " answers", Duration.ofSeconds(5), () -> httpGet(from, address),
                reply -> reply.contains("200 OK"));
    }

    static IpPrefix p(String s) {
        return IpPrefix.parse(s);
    }
}
