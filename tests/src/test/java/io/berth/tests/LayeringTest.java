package io.berth.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN §3's layering, enforced: services share only the platform modules, and domain code stays pure. */
class LayeringTest {
  private static final List<String> SERVICES = List.of("volume", "network", "dns", "logging", "ingress", "gateway");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.berth");
  }

  @Test
  void noServiceImportsAnotherService() {
    for (String service : SERVICES) {
      String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "io.berth." + s + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("io.berth." + service + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .because("services share only event-schemas, service-kit and host-native")
          .check(classes);
    }
  }

  @Test
  void platformModulesDoNotImportServices() {
    String[] services = SERVICES.stream().map(s -> "io.berth." + s + "..").toArray(String[]::new);
    noClasses().that().resideInAnyPackage("io.berth.kit..", "io.berth.events..", "io.berth.host..")
        .should().dependOnClassesThat().resideInAnyPackage(services)
        .check(classes);
  }

  @Test
  void domainCodeImportsNeitherWebNorKafkaNorJnr() {
    ArchRule rule = noClasses().that().resideInAPackage("io.berth.*.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "org.apache.kafka..", "jnr..", "io.berth.host..")
        .allowEmptyShould(true);
    rule.check(classes);
  }

  @Test
  void onlyHostPackagesOfServicesTouchTheHostLayer() {
    String[] services = SERVICES.stream().map(s -> "io.berth." + s + "..").toArray(String[]::new);
    noClasses().that().resideInAnyPackage(services).and().resideOutsideOfPackage("io.berth.*.host..")
        .should().dependOnClassesThat().resideInAPackage("io.berth.host..")
        .because("host work goes through each service's host package (DESIGN §3)")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void volumeDomainIsPure() {
    noClasses().that().resideInAPackage("io.berth.volume.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.hazelcast..", "io.cloudevents..",
            "io.berth.volume", "io.berth.volume.api..", "io.berth.volume.events..", "io.berth.volume.driver..",
            "io.berth.volume.host..")
        .because("volume names, options, filters and mount requests are rules, not I/O")
        .check(classes);
  }

  @Test
  void volumeApiAndEventsReachVolumesThroughTheController() {
    noClasses().that().resideInAnyPackage("io.berth.volume.api..", "io.berth.volume.events..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.volume.driver..", "io.berth.volume.host..",
            "com.hazelcast..", "org.apache.kafka..")
        .because("HTTP and Kafka are faces of the volume service; drivers, host and cluster sit behind VolumeController")
        .check(classes);
    noClasses().that().resideInAPackage("io.berth.volume.api..")
        .should().dependOnClassesThat().resideInAPackage("io.berth.volume.events..")
        .check(classes);
    noClasses().that().resideInAPackage("io.berth.volume.events..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.volume.api..", "io.vertx.ext.web..")
        .check(classes);
  }

  @Test
  void volumeDriversAndHostKnowNothingAboveThem() {
    noClasses().that().resideInAnyPackage("io.berth.volume.driver..", "io.berth.volume.host..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.volume", "io.berth.volume.api..",
            "io.berth.volume.events..", "com.hazelcast..", "org.apache.kafka..")
        .because("a driver does the work it is asked; when, and the RefCount, are the controller's")
        .check(classes);
    noClasses().that().resideInAPackage("io.berth.volume.host..")
        .should().dependOnClassesThat().resideInAPackage("io.berth.volume.driver..")
        .check(classes);
  }

  @Test
  void onlyTheVolumeServiceRootTouchesHazelcast() {
    noClasses().that().resideInAPackage("io.berth.volume..").and().resideOutsideOfPackage("io.berth.volume")
        .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
        .because("the cluster is reached through VolumeClaims and the kit's StateStore, so unit tests need no member")
        .check(classes);
  }

  @Test
  void eventSchemasStandAlone() {
    noClasses().that().resideInAPackage("io.berth.events..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.kit..", "io.berth.host..", "io.vertx..", "org.apache.kafka..")
        .check(classes);
  }
}
