package io.berth.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
  void theNetworkRootHoldsOnlyTheService() {
    classes().that().resideInAPackage("io.berth.network")
        .should().haveNameMatching("io\\.berth\\.network\\.(NetworkService|Main|package-info)(\\$.*)?")
        .because("the orchestrators live in packages named for what they do (sandbox, networks, reconcile, state)")
        .check(classes);
  }

  @Test
  void theNetworkDomainIsPure() {
    noClasses().that().resideInAPackage("io.berth.network.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.hazelcast..", "org.apache.kafka..",
            "io.berth.network.host..", "io.berth.network.driver..", "io.berth.network.events..",
            "io.berth.network.api..", "io.berth.network.state..", "io.berth.network.sandbox..",
            "io.berth.network.networks..", "io.berth.network.reconcile..", "io.berth.network.cluster..")
        .because("domain records and rules do no I/O (DESIGN §3)")
        .check(classes);
  }

  @Test
  void aSandboxPlanIsPure() {
    noClasses().that().haveFullyQualifiedName("io.berth.network.sandbox.SandboxPlan")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.hazelcast..", "org.apache.kafka..",
            "io.berth.network.host..", "io.berth.network.driver..", "io.berth.network.events..",
            "io.berth.network.state..", "io.berth.network.ipam..", "io.berth.network.ports..",
            "io.berth.network.cluster..")
        .because("a container's networking is planned before anything is allocated or touched")
        .check(classes);
  }

  @Test
  void onlyTheNetworkAllocatorsTouchHazelcast() {
    noClasses().that().resideInAPackage("io.berth.network..")
        .and().resideOutsideOfPackages("io.berth.network", "io.berth.network.cluster..", "io.berth.network.ipam..",
            "io.berth.network.ports..")
        .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
        .because("allocation runs as entry processors behind KeyedEntries; the controllers see futures")
        .check(classes);
  }

  @Test
  void onlyTheNetworkApiSpeaksHttp() {
    noClasses().that().resideInAPackage("io.berth.network..").and().resideOutsideOfPackage("io.berth.network.api..")
        .should().dependOnClassesThat().resideInAPackage("io.vertx.ext.web..")
        .check(classes);
  }

  @Test
  void dnsRecordsAreDataTheResolverOnlyReads() {
    noClasses().that().resideInAPackage("io.berth.dns.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.dns", "io.berth.dns.state..", "io.berth.dns.files..",
            "io.berth.dns.events..", "io.berth.dns.server..", "io.berth.dns.host..", "io.berth.kit..", "io.vertx..",
            "io.netty..", "com.hazelcast..")
        .because("the records, the lookup rules and the files' content are pure data and logic: snapshots, no I/O")
        .check(classes);
    noClasses().that().resideInAPackage("io.berth.dns.server..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.dns", "io.berth.dns.state..", "io.berth.dns.files..",
            "io.berth.dns.events..", "io.berth.kit..", "com.hazelcast..", "org.apache.kafka..")
        .because("the resolver answers from the current snapshot and a policy; it knows nothing of events or state")
        .check(classes);
    noClasses().that().resideInAnyPackage("io.berth.dns.state..", "io.berth.dns.files..", "io.berth.dns.events..")
        .should().dependOnClassesThat().resideInAPackage("io.berth.dns.server..")
        .because("facts, files and events reach the resolver only through the service's wiring")
        .check(classes);
  }

  @Test
  void eventSchemasStandAlone() {
    noClasses().that().resideInAPackage("io.berth.events..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.kit..", "io.berth.host..", "io.vertx..", "org.apache.kafka..")
        .check(classes);
  }

  @Test
  void loggingDomainIsTheBottomLayer() {
    noClasses().that().resideInAPackage("io.berth.logging.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.apache.kafka..", "com.hazelcast..",
            "io.berth.logging.api..", "io.berth.logging.collect..", "io.berth.logging.container..",
            "io.berth.logging.driver..", "io.berth.logging.events..", "io.berth.logging.file..",
            "io.berth.logging.host..", "io.berth.logging.remote..", "io.berth.logging.tls..")
        .because("log configuration logic is pure and shared by the API, the controller and the drivers")
        .check(classes);
  }

  @Test
  void loggingControllerReachesTheNodeOnlyThroughCollectionHost() {
    noClasses().that().resideInAPackage("io.berth.logging.container..")
        .and().doNotHaveSimpleName("NodeCollectionHost")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.logging.host..", "org.apache.kafka..",
            "com.hazelcast..", "io.vertx.ext.web..")
        .orShould().dependOnClassesThat().haveSimpleName("LogDrivers")
        .because("LogCollectionController is unit-tested with an in-memory CollectionHost, state and bus")
        .check(classes);
  }

  @Test
  void loggingEventsPackageOnlyDecodesAndPublishes() {
    noClasses().that().resideInAPackage("io.berth.logging.events..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.logging.host..", "io.berth.logging.collect..",
            "io.berth.logging.file..", "io.berth.logging.domain..", "io.berth.kit.state..", "org.apache.kafka..")
        .because("container events are decoded here and handled by LogCollectionController")
        .check(classes);
  }

  @Test
  void loggingDriversKnowNothingOfEventsOrTheContainerLifecycle() {
    noClasses().that().resideInAnyPackage("io.berth.logging.driver..", "io.berth.logging.file..",
            "io.berth.logging.remote..", "io.berth.logging.tls..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.logging.events..",
            "io.berth.logging.container..", "io.berth.logging.collect..", "io.berth.logging.api..",
            "io.berth.kit.events..", "io.berth.kit.state..", "org.apache.kafka..", "io.vertx.ext.web..")
        .because("a log driver is Docker's logger.Logger: messages in, a destination out")
        .check(classes);
  }

  @Test
  void loggingTalksToKafkaOnlyThroughTheKitExceptForRawIngest() {
    noClasses().that().resideInAPackage("io.berth.logging..").and().doNotHaveSimpleName("IngestConsumer")
        .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
        .because("events go through the kit's EventBus; only berth.logs.ingest carries raw records")
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
}
