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
}
