package io.berth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.events.container.ContainerStopped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Invalid data is rejected, and every message names the JSON path of the fault. */
class EventSchemasTest {

  private static final String CREATED = "io.berth.container.created";

  private static List<String> createdWith(Consumer<ObjectNode> change) {
    ObjectNode node = BerthEvents.mapper().valueToTree(Samples.containerCreated());
    change.accept(node);
    return EventSchemas.validate(CREATED, node.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void assertOneError(List<String> errors, String path, String mentions) {
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith(path + ":"), errors.get(0));
    assertTrue(errors.get(0).contains(mentions), errors.get(0));
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    assertOneError(createdWith(n -> n.remove("node")), "$", "node");
  }

  @Test
  void anIdThatIsNot64HexIsRejected() {
    assertOneError(createdWith(n -> n.put("id", "ABC")), "$.id", "pattern");
  }

  @Test
  void anUnknownMountTypeIsRejectedAtItsPath() {
    assertOneError(createdWith(n -> ((ObjectNode) n.withArray("mounts").get(1)).put("type", "nfs")),
        "$.mounts[1].type", "enum");
  }

  @Test
  void aRequestedAddressMustBeAnIpv4Address() {
    assertOneError(createdWith(n -> ((ObjectNode) n.withArray("networks").get(0)).put("ipv4Address", "172.18.0")),
        "$.networks[0].ipv4Address", "ipv4");
  }

  @Test
  void createdAtMustBeAnRfc3339Time() {
    assertOneError(createdWith(n -> n.put("createdAt", "yesterday")), "$.createdAt", "date-time");
  }

  @Test
  void aHostPortIsANumberOrRangeOrEmpty() {
    assertOneError(createdWith(n -> ((ObjectNode) n.withArray("portBindings").get(0)).put("hostPort", "http")),
        "$.portBindings[0].hostPort", "pattern");
    assertEquals(List.of(),
        createdWith(n -> ((ObjectNode) n.withArray("portBindings").get(0)).put("hostPort", "8000-8010")));
  }

  @Test
  void aRelativeMountTargetAndAWrongTypeAreBothReported() {
    List<String> errors = createdWith(n -> {
      ((ObjectNode) n.withArray("mounts").get(0)).put("target", "vol");
      n.put("tty", "yes");
    });
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("$.mounts[0].target:"), errors.toString());
    assertTrue(errors.get(1).startsWith("$.tty:"), errors.toString());
  }

  @Test
  void nullMeansBerthCreatesItForSandboxAndStdio() {
    assertEquals(List.of(), createdWith(n -> {
      n.putNull("sandboxKey");
      n.putNull("stdio");
    }));
    assertEquals(List.of(), createdWith(n -> {
      n.remove("sandboxKey");
      n.remove("stdio");
    }));
  }

  @Test
  void theSmallestCreatedIsValid() {
    String json = "{\"id\":\"" + Samples.CONTAINER + "\",\"name\":\"c1\",\"node\":\"n1\",\"image\":\"alpine\","
        + "\"createdAt\":\"2026-11-27T18:00:00Z\",\"networkMode\":\"default\"}";
    assertEquals(List.of(), EventSchemas.validate(CREATED, json.getBytes(StandardCharsets.UTF_8)));
  }

  /** The example event producers copy from the README must stay valid. */
  @Test
  void theReadmeExampleIsValid() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(json.find(), "README has a json example");
    assertEquals(List.of(), EventSchemas.validate(CREATED, json.group(1).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void unknownPropertiesAreAllowedWithinAVersion() {
    assertEquals(List.of(), createdWith(n -> n.put("addedLater", 1)));
  }

  @Test
  void aNestedErrorInAnotherDomainNamesItsPath() {
    ObjectNode node = BerthEvents.mapper().valueToTree(Samples.of("io.berth.ingress.service.programmed"));
    ((ObjectNode) ((ArrayNode) node.get("ports")).get(0)).put("publishedPort", 70000);
    List<String> errors = EventSchemas.validate("io.berth.ingress.service.programmed",
        node.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("$.ports[0].publishedPort:"), errors.get(0));
  }

  @Test
  void dataThatIsNotJsonIsReportedNotThrown() {
    List<String> errors = EventSchemas.validate(CREATED, "{\"id\":".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).startsWith("$: not JSON"), errors.get(0));
  }

  @Test
  void anUnknownTypeIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> EventSchemas.validate("io.berth.nope.happened", new byte[0]));
  }

  @Test
  void createRefusesInvalidDataWithTheErrors() {
    byte[] json = "{\"id\":\"x\",\"node\":\"n1\"}".getBytes(StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BerthEvents.create("io.berth.container.stopped", "urn:berth:test", "x", json));
    assertTrue(e.getMessage().contains("$.id:"), e.getMessage());
    assertTrue(e.getMessage().contains("exitCode"), e.getMessage());
  }

  @Test
  void createRefusesARecordWithANullRequiredField() {
    var stopped = new ContainerStopped(Samples.CONTAINER, null, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BerthEvents.create("io.berth.container.stopped", "urn:berth:test", Samples.CONTAINER, stopped));
    assertTrue(e.getMessage().contains("node"), e.getMessage());
  }

  @Test
  void createRefusesTheRecordOfAnotherType() {
    assertThrows(IllegalArgumentException.class, () -> BerthEvents.create("io.berth.container.started",
        "urn:berth:test", Samples.CONTAINER, Samples.of("io.berth.container.stopped")));
  }
}
