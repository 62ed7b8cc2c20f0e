package io.berth.kit.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import io.vertx.core.Future;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceModuleMapsTest {
  private record Module(String name, List<MapConfig> mapConfigs) implements ServiceModule {
    @Override
    public Future<Void> start(ServiceContext context) {
      return Future.succeededFuture();
    }
  }

  private static final class Plain implements ServiceModule {
    @Override
    public String name() {
      return "plain";
    }

    @Override
    public Future<Void> start(ServiceContext context) {
      return Future.succeededFuture();
    }
  }

  @Test
  void theNodeTakesEveryModulesMapSettingsInModuleOrder() {
    MapConfig pools = new MapConfig("berth.test.pools").setInMemoryFormat(InMemoryFormat.OBJECT);
    MapConfig ports = new MapConfig("berth.test.ports").setInMemoryFormat(InMemoryFormat.OBJECT);
    MapConfig records = new MapConfig("berth.test.records").setBackupCount(2);
    List<ServiceModule> modules = List.of(new Module("a", List.of(pools, ports)), new Plain(),
        new Module("b", List.of(records)));
    assertEquals(List.of(pools, ports, records), BerthNode.mapConfigs(modules));
    assertEquals(List.of(), new Plain().mapConfigs(), "a module declares nothing unless it needs to");
  }
}
