package io.berth.dns.domain;

import static io.berth.dns.domain.Fixtures.C1;
import static io.berth.dns.domain.Fixtures.ep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A container's files are decided only once its settings, its ready sandbox and its networks are known. */
class SandboxFactsTest {
  private static final NodeResolverSettings NODE = new NodeResolverSettings(List.of(), List.of(), List.of(),
      ResolvConf.parse("nameserver 10.0.0.2\nsearch corp.example\n"));
  private static final NetworkInfo LOCALNET = new NetworkInfo("localnet-id", "localnet", "bridge", "n1", false,
      List.of("172.18.0.1", "fd00::1"), true);
  private static final NetworkInfo OTHER = new NetworkInfo("other-id", "other", "bridge", "n1", false,
      List.of("172.19.0.1"), true);
  private static final ContainerDns SETTINGS = new ContainerDns(C1, "c1", "n1", "box", "", List.of(),
      List.of("dockercerts.com"), List.of(), List.of(), List.of("other", "localnet"));
  private static final EndpointRecord ON_LOCALNET = ep("e1", "localnet", C1, "c1", "172.18.0.2/16", null);
  private static final EndpointRecord ON_OTHER = ep("e2", "other", C1, "c1", "172.19.0.2/16", null);

  @Test
  void waitsForTheSettingsTheSandboxAndEachNetwork() {
    SandboxFacts noSettings = new SandboxFacts(null, true, List.of(ON_LOCALNET), Map.of("localnet-id", LOCALNET));
    assertTrue(noSettings.decide(NODE).isEmpty());
    assertEquals(List.of("the container's settings (container.created)"), noSettings.missing());
    SandboxFacts notReady = new SandboxFacts(SETTINGS, false, List.of(ON_LOCALNET), Map.of("localnet-id", LOCALNET));
    assertTrue(notReady.decide(NODE).isEmpty());
    SandboxFacts noNetwork = new SandboxFacts(SETTINGS, true, List.of(ON_LOCALNET, ON_OTHER),
        Map.of("localnet-id", LOCALNET));
    assertEquals(List.of("network other-id (network.created)"), noNetwork.missing());
    assertTrue(noNetwork.decide(NODE).isEmpty());
  }

  @Test
  void theNameServerIsTheGatewayOfTheFirstNetworkTheContainerAskedFor() {
    SandboxFiles f = new SandboxFacts(SETTINGS, true, List.of(ON_LOCALNET, ON_OTHER),
        Map.of("localnet-id", LOCALNET, "other-id", OTHER)).decide(NODE).orElseThrow();
    assertEquals(List.of("172.19.0.1"), f.resolvConf().nameservers());
    assertEquals(List.of("dockercerts.com"), f.resolvConf().search());
    assertEquals("box\n", f.hostname());
  }

  @Test
  void aReadySandboxWithoutEndpointsGetsTheUpstreams() {
    SandboxFiles f = new SandboxFacts(SETTINGS, true, List.of(), Map.of()).decide(NODE).orElseThrow();
    assertEquals(List.of("10.0.0.2"), f.resolvConf().nameservers());
  }

  @Test
  void networksWithoutNameResolutionAreNotWaitedFor() {
    EndpointRecord onBridge = new EndpointRecord("e3", "bridge-id", "bridge", C1, "c1", "", List.of(),
        "172.17.0.2/16", null, "n1", false);
    SandboxFiles f = new SandboxFacts(SETTINGS, true, List.of(onBridge), Map.of()).decide(NODE).orElseThrow();
    assertEquals(List.of("10.0.0.2"), f.resolvConf().nameservers());
    assertTrue(f.hosts().contains("172.17.0.2\tbox c1\n"), f.hosts());
  }
}
