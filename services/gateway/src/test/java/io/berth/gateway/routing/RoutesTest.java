package io.berth.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutesTest {
  @Test
  void eachDomainGoesToItsOwner() {
    assertEquals(Optional.of("volume"), Routes.owner("/volumes"));
    assertEquals(Optional.of("volume"), Routes.owner("/volumes/create"));
    assertEquals(Optional.of("volume"), Routes.owner("/volumes/myvol"));
    assertEquals(Optional.of("network"), Routes.owner("/networks/localnet/connect"));
    assertEquals(Optional.of("logging"), Routes.owner("/containers/abc123/logs"));
    assertEquals(Optional.of("ingress"), Routes.owner("/services/create"));
    assertEquals(Optional.of("ingress"), Routes.owner("/tasks"));
  }

  @Test
  void pathsNobodyOwnsHaveNoRoute() {
    assertTrue(Routes.owner("/images/json").isEmpty());
    assertTrue(Routes.owner("/volumesx").isEmpty());
    assertTrue(Routes.owner("/containers/abc/logs/extra").isEmpty());
  }
}
