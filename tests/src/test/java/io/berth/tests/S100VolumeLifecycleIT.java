package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.testing.Await;
import io.berth.testing.node.Commands;
import io.berth.testing.node.NodeProcess;
import io.berth.testing.node.RawHttp;
import io.berth.testing.node.Scenario;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Volumes as users get them: the real docker CLI against the all-in-one node in a lab netns — the seed's commands,
 * tmpfs and sized volumes, labels and filters, every bad input, container events mounting volumes (replayed), a volume
 * plugin, concurrent creates and removes, and a restart that loses nothing.
 */
@Tag("host")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S100VolumeLifecycleIT {
  static final String C1 = "c1".repeat(32);
  static final String UNKNOWN = "dead".repeat(16);
  static final String INVALID_CHARS = "\" includes invalid characters for a local volume name, only "
      + "\"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path";

  @RegisterExtension static final Scenario s = Scenario.node("node1");
  static NodeProcess node;
  static Path dir;
  static S100FolderPlugin plugin;

  @BeforeAll
  static void handles() {
    node = s.node();
    dir = s.dir();
  }

  @AfterAll
  static void stopNode() throws Exception {
    try {
      if (plugin != null) plugin.close();
      s.close(); // the node first: its sized volumes hold loop devices until they are unmounted
    } finally {
      detachLoopsUnder(dir);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  static Commands.Result docker(String... args) {
    return node.docker(args);
  }

  static String ok(String... args) {
    return s.dockerOk(args);
  }

  static void fails(String expectedError, String... args) {
    Commands.Result r = docker(args);
    assertNotEquals(0, r.exit(), String.join(" ", args) + " → " + r);
    assertEquals("Error response from daemon: " + expectedError, r.err().strip(), String.join(" ", args));
  }

  static List<String> names() {
    String out = ok("volume", "ls", "-q");
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  static Path volumes() {
    return node.dataRoot().resolve("volumes");
  }

  static JsonObject containerCreated(String id, JsonArray mounts, JsonArray anonymous) {
    return s.container(id, "web").put("image", "alpine").put("mounts", mounts).put("anonymousVolumes", anonymous);
  }

  static JsonObject volumeMount(String source, String target) {
    return new JsonObject().put("type", "volume").put("source", source).put("target", target);
  }

  /** UsageData of every volume, from {@code GET /system/df}. */
  static Map<String, JsonObject> usage() {
    try {
      RawHttp.Reply r = RawHttp.get(node.socket(), "/v1.51/system/df?type=volume");
      assertEquals(200, r.status(), r.body());
      Map<String, JsonObject> out = new java.util.TreeMap<>();
      new JsonObject(r.body()).getJsonArray("Volumes").forEach(o -> {
        JsonObject v = (JsonObject) o;
        out.put(v.getString("Name"), v.getJsonObject("UsageData"));
      });
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static int refCount(String name) {
    JsonObject u = usage().get(name);
    return u == null ? -1 : u.getInteger("RefCount");
  }

  static List<Path> mountsUnder(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String mp = line.split(" ")[4];
      if (mp.startsWith(root.toString())) out.add(Path.of(mp));
    }
    return out;
  }

  static String fsTypeAt(Path mountPoint) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      if (line.split(" ")[4].equals(mountPoint.toString())) return line.split(" - ")[1].split(" ")[0];
    }
    return null;
  }

  static void detachLoopsUnder(Path root) throws IOException {
    try (var blocks = Files.list(Path.of("/sys/block"))) {
      for (Path b : blocks.filter(b -> b.getFileName().toString().startsWith("loop")).toList()) {
        Path f = b.resolve("loop/backing_file");
        if (Files.exists(f) && Files.readString(f).strip().startsWith(root.toString())) {
          Commands.run("losetup", "-d", "/dev/" + b.getFileName());
        }
      }
    }
  }

  // ---- scenario --------------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void seedCommands() {
    assertEquals("myvol", ok("volume", "create", "myvol"));
    assertEquals("myvol", ok("volume", "create", "myvol"), "create is idempotent for the same name and driver");
    assertTrue(ok("volume", "ls").matches("(?s)DRIVER\\s+VOLUME NAME\\s+local\\s+myvol"), ok("volume", "ls"));
    JsonObject v = new JsonArray(ok("volume", "inspect", "myvol")).getJsonObject(0);
    assertEquals("myvol", v.getString("Name"));
    assertEquals("local", v.getString("Driver"));
    assertEquals("local", v.getString("Scope"));
    assertEquals(volumes().resolve("myvol/_data").toString(), v.getString("Mountpoint"));
    assertTrue(v.getString("CreatedAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)"), v.encode());
    assertNull(v.getValue("Labels"));
    assertTrue(Files.isDirectory(volumes().resolve("myvol/_data")));
    assertEquals("myvol", ok("volume", "rm", "myvol"));
    assertFalse(Files.exists(volumes().resolve("myvol")), "rm removes the data folder");

    String anon = ok("volume", "create");
    assertTrue(anon.matches("[0-9a-f]{64}"), anon);
    assertEquals("", ok("volume", "inspect", anon, "--format", "{{index .Labels \"com.docker.volume.anonymous\"}}"));
    ok("volume", "create", "keepme");
    assertEquals("Deleted Volumes:\n" + anon + "\n\nTotal reclaimed space: 0B", ok("volume", "prune", "-f"));
    assertEquals(List.of("keepme"), names(), "a plain prune keeps named volumes");
    assertEquals("Deleted Volumes:\nkeepme\n\nTotal reclaimed space: 0B", ok("volume", "prune", "-a", "-f"));
    assertEquals(List.of(), names());
  }

  @Test
  @Order(2)
  void labelsAndFilters() throws IOException {
    ok("volume", "create", "--label", "env=prod", "--label", "team=a", "prodvol");
    ok("volume", "create", "--label", "env=dev", "devvol");
    ok("volume", "create", "plain");
    assertEquals("devvol\nprodvol", ok("volume", "ls", "-q", "--filter", "label=env"));
    assertEquals("prodvol", ok("volume", "ls", "-q", "--filter", "label=env=prod"));
    assertEquals("prodvol", ok("volume", "ls", "-q", "--filter", "label=env=prod", "--filter", "label=team"));
    assertEquals("devvol\nplain\nprodvol", ok("volume", "ls", "-q", "--filter", "dangling=true"));
    assertEquals("", ok("volume", "ls", "-q", "--filter", "dangling=false"));
    assertEquals("devvol\nplain\nprodvol", ok("volume", "ls", "-q", "--filter", "driver=local"));
    assertEquals("prodvol", ok("volume", "ls", "-q", "--filter", "name=rod"));
    assertEquals("local:plain", ok("volume", "ls", "--filter", "name=plain", "--format", "{{.Driver}}:{{.Name}}"));
    assertEquals("map[env:prod team:a]", ok("volume", "inspect", "prodvol", "--format", "{{.Labels}}"));
    // the API's documented map[string][]string form works too
    RawHttp.Reply r = RawHttp.get(node.socket(), "/v1.51/volumes?filters=%7B%22label%22%3A%5B%22env%3Ddev%22%5D%7D");
    assertEquals(200, r.status(), r.body());
    assertEquals("devvol", new JsonObject(r.body()).getJsonArray("Volumes").getJsonObject(0).getString("Name"));
    assertEquals("Deleted Volumes:\ndevvol\n\nTotal reclaimed space: 0B",
        ok("volume", "prune", "-a", "-f", "--filter", "label=env=dev"));
    fails("invalid filter 'colour'", "volume", "ls", "--filter", "colour=red");
    assertEquals("prodvol\nplain", ok("volume", "rm", "prodvol", "plain"));
  }

  @Test
  @Order(3)
  void badInputGetsDockersMessagesAndChangesNothing() throws IOException {
    List<String> before = names();
    List<String> foldersBefore;
    try (var s = Files.list(volumes())) {
      foldersBefore = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (String bad : List.of("../x", "a/b", "_x", "x y")) {
      fails("create " + bad + ": \"" + bad + INVALID_CHARS, "volume", "create", bad);
    }
    fails("create a: volume name is too short, names should be at least two alphanumeric characters", "volume", "create", "a");
    fails("create badopt: invalid option: \"foo\"", "volume", "create", "--opt", "foo=bar", "badopt");
    fails("create badopt: missing required option: \"device\"", "volume", "create", "--opt", "type=tmpfs", "badopt");
    fails("create badopt: missing required option: \"type\"", "volume", "create", "--opt", "device=tmpfs", "badopt");
    fails("create badopt: missing required option: \"device\"", "volume", "create", "--opt", "o=size=1m", "badopt");
    fails("create badopt: invalid size: 'big'", "volume", "create", "--opt", "size=big", "badopt");
    fails("create badopt: error looking up volume plugin nosuchdriver: plugin \"nosuchdriver\" not found",
        "volume", "create", "-d", "nosuchdriver", "badopt");
    fails("get nope: no such volume", "volume", "rm", "nope");
    assertEquals("nope", ok("volume", "rm", "-f", "nope"), "rm -f of a missing volume succeeds, as in Docker");
    Commands.Result inspect = docker("volume", "inspect", "nope");
    assertNotEquals(0, inspect.exit());
    assertTrue(inspect.err().contains("Error response from daemon: get nope: no such volume"), inspect.toString());
    assertEquals(before, names(), "bad input created no volume");
    try (var s = Files.list(volumes())) {
      assertEquals(foldersBefore, s.map(p -> p.getFileName().toString()).sorted().toList(), "bad input made no folder");
    }
    assertEquals(List.of(), mountsUnder(volumes()), "bad input left no mount");

    // options the kernel refuses pass Docker's checks and fail when first mounted: a 500 with the kernel's reason
    ok("volume", "create", "--opt", "type=tmpfs", "--opt", "device=tmpfs", "--opt", "o=size=bogus", "badmount");
    byte[] use = new JsonObject().put("ContainerId", C1).put("Target", "/x").encode().getBytes(StandardCharsets.UTF_8);
    RawHttp.Reply failed = RawHttp.request(node.socket(), "POST", "/v1.51/volumes/badmount/mount", "application/json", use);
    assertEquals(500, failed.status(), failed.body());
    assertEquals("application/json", failed.header("Content-Type"));
    assertEquals("error while mounting volume '" + volumes().resolve("badmount/_data") + "': failed to mount local volume: "
        + "mount -t tmpfs -o size=bogus tmpfs " + volumes().resolve("badmount/_data") + ": EINVAL (Invalid argument)",
        new JsonObject(failed.body()).getString("message"));
    assertEquals(0, refCount("badmount"), "a failed mount does not count a user");
    assertEquals(List.of(), mountsUnder(volumes()), "a failed mount leaves no half-mount");
    assertEquals("badmount", ok("volume", "rm", "badmount"));
  }

  @Test
  @Order(4)
  void concurrentCreatesMakeOneVolumeAndRacesStayConsistent() throws Exception {
    byte[] body = "{\"Name\":\"racevol\",\"Driver\":\"local\"}".getBytes(StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> creates = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        creates.add(pool.submit(() ->
            RawHttp.request(node.socket(), "POST", "/v1.51/volumes/create", "application/json", body).status()));
      }
      for (Future<Integer> f : creates) assertEquals(201, f.get());
      assertEquals(1, names().stream().filter("racevol"::equals).count());

      List<Future<?>> race = new ArrayList<>();
      for (int round = 0; round < 6; round++) {
        for (String name : List.of("race1", "race2")) {
          byte[] b = ("{\"Name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
          race.add(pool.submit((Callable<Integer>) () ->
              RawHttp.request(node.socket(), "POST", "/v1.51/volumes/create", "application/json", b).status()));
          race.add(pool.submit((Callable<Integer>) () ->
              RawHttp.request(node.socket(), "DELETE", "/v1.51/volumes/" + name + "?force=1", null, null).status()));
        }
      }
      for (Future<?> f : race) f.get();
    } finally {
      pool.shutdownNow();
    }
    List<String> now = names();
    for (String name : List.of("race1", "race2", "racevol")) {
      assertEquals(now.contains(name), Files.isDirectory(volumes().resolve(name).resolve("_data")),
          name + ": a record exists exactly when its folder does");
    }
    ok("volume", "rm", "-f", "race1", "race2", "racevol");
  }

  @Test
  @Order(5)
  void containerEventsMountVolumesAndReplaysCountOnce() throws Exception {
    plugin = new S100FolderPlugin(dir.resolve("plugin-data"), node.dataRoot().resolve("plugins/folder.sock")).start();
    assertEquals("pvol", ok("volume", "create", "-d", "folder", "pvol"));
    assertEquals("folder:pvol", ok("volume", "ls", "--filter", "driver=folder", "--format", "{{.Driver}}:{{.Name}}"));
    assertTrue(Files.isDirectory(plugin.dir("pvol")), "the plugin made the volume");
    fails("create pvol: driver 'folder' already has volume 'pvol': volume name must be unique", "volume", "create", "pvol");
    fails("create refused: VolumeDriver.Create: folder driver refuses: no", "volume", "create", "-d", "folder", "-o", "fail=no", "refused");

    ok("volume", "create", "--opt", "type=tmpfs", "--opt", "device=tmpfs", "--opt", "o=size=10m,uid=1000", "tmpvol");
    ok("volume", "create", "--opt", "size=16m", "sizedvol");
    assertEquals("map[device:tmpfs o:size=10m,uid=1000 type:tmpfs]", ok("volume", "inspect", "tmpvol", "--format", "{{.Options}}"));
    assertEquals(List.of(), mountsUnder(volumes()), "volumes with options are mounted on first use, not on create");

    JsonObject created = containerCreated(C1, new JsonArray()
        .add(volumeMount("bizvol", "/vol")).add(volumeMount("tmpvol", "/tmp/x")).add(volumeMount("sizedvol", "/sized"))
        .add(volumeMount("pvol", "/plugged")).add(new JsonObject().put("type", "volume").put("target", "/anon")),
        new JsonArray().add("/var/cache"));
    s.created(created);
    s.await("bizvol auto-created and used once", () -> refCount("bizvol") == 1 && refCount("pvol") == 1
        && usage().values().stream().filter(u -> u.getInteger("RefCount") == 1).count() == 6);
    s.created(created); // replayed: nothing counts twice
    s.created(created);
    // nothing to see when a replay is handled right, so watch for the wrong thing for a while
    Await.stays("replays count no volume twice", Duration.ofMillis(1500),
        () -> usage().values().stream().allMatch(d -> d.getInteger("RefCount") == 1));
    Map<String, JsonObject> u = usage();
    assertEquals(6, u.size(), u.toString());
    u.forEach((name, data) -> assertEquals(1, data.getInteger("RefCount"), name + " " + u));
    assertEquals(2, u.keySet().stream().filter(n -> n.matches("[0-9a-f]{64}")).count(), "two anonymous volumes");

    assertEquals("tmpfs", fsTypeAt(volumes().resolve("tmpvol/_data")));
    assertEquals("ext4", fsTypeAt(volumes().resolve("sizedvol/_data")));
    assertTrue(plugin.mounted("pvol"));
    assertEquals(1, plugin.calls.stream().filter("VolumeDriver.Mount"::equals).count(), plugin.calls.toString());
    assertEquals(-1L, u.get("pvol").getLong("Size"), "Docker reports -1 for a plugin's size");

    // --opt size: writes past the size fail with ENOSPC
    String err = write(volumes().resolve("sizedvol/_data/big"), 32);
    assertTrue(err != null && err.contains("No space left on device"), String.valueOf(err));
    assertTrue(usage().get("sizedvol").getLong("Size") > 8L << 20, "Size is measured from the data");

    fails("remove tmpvol: volume is in use - [" + C1 + "]", "volume", "rm", "tmpvol");
    fails("remove tmpvol: volume is in use - [" + C1 + "]", "volume", "rm", "-f", "tmpvol");
    assertTrue(ok("volume", "prune", "-a", "-f").endsWith("Total reclaimed space: 0B"));
    assertEquals(6, usage().size(), "prune leaves volumes in use");
  }

  static String write(Path file, int mb) {
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < mb; i++) out.write(chunk);
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  @Test
  @Order(6)
  void restartLosesNothing() throws Exception {
    ok("volume", "create", "--label", "k=v", "restvol");
    Map<String, JsonObject> before = usage();
    node.stop();
    // while it is down: a known volume's folder disappears, and a folder nobody owns appears
    Commands.run("rm", "-rf", volumes().resolve("restvol").toString());
    Files.createDirectories(volumes().resolve("strayvol/_data"));
    node.start();
    Map<String, JsonObject> after = usage();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, data) -> assertEquals(data.getInteger("RefCount"), after.get(name).getInteger("RefCount"), name));
    assertEquals("map[k:v]", ok("volume", "inspect", "restvol", "--format", "{{.Labels}}"));
    assertTrue(Files.isDirectory(volumes().resolve("restvol/_data")), "a missing folder is recreated");
    assertTrue(Files.isDirectory(volumes().resolve("strayvol/_data")), "an orphan folder is reported, not deleted");
    String log = Files.readString(node.log());
    assertTrue(log.contains("volume restvol has no folder"), "recreation is reported");
    assertTrue(log.contains("folder " + volumes().resolve("strayvol") + " holds volume data but no volume strayvol exists"),
        "the orphan is reported");
    assertFalse(names().contains("strayvol"));
    assertEquals("tmpfs", fsTypeAt(volumes().resolve("tmpvol/_data")), "volumes in use stay mounted");
  }

  @Test
  @Order(7)
  void containerRemovalReleasesAndDeletesItsAnonymousVolumes() throws Exception {
    s.publish("io.berth.container.removed", new JsonObject().put("id", C1).put("node", "node1").put("removeVolumes", true));
    s.await("anonymous volumes gone and named ones released", () -> {
      Map<String, JsonObject> u = usage();
      return u.keySet().stream().noneMatch(n -> n.matches("[0-9a-f]{64}"))
          && u.values().stream().allMatch(d -> d.getInteger("RefCount") == 0);
    });
    assertTrue(names().containsAll(List.of("bizvol", "tmpvol", "sizedvol", "pvol")), names().toString());
    assertEquals(List.of(), mountsUnder(volumes()), "the last user leaving unmounts tmpfs and the size image");
    assertFalse(plugin.mounted("pvol"));
    assertTrue(plugin.calls.contains("VolumeDriver.Unmount"));

    // a container nobody knows is one without volumes, the normal case: noted at debug, the service carries on
    assertEquals(200, RawHttp.request(node.socket(), "POST", "/berth/log-level?level=debug", null, null).status());
    s.publish("io.berth.container.removed", new JsonObject().put("id", UNKNOWN).put("node", "node1").put("removeVolumes", true));
    s.await("the unknown container is noted",
        () -> s.log().contains("container " + UNKNOWN + " removed, but it uses no volume"));
    assertEquals(200, RawHttp.request(node.socket(), "POST", "/berth/log-level?level=info", null, null).status());
    assertEquals("tmpvol", ok("volume", "rm", "tmpvol"));
    assertEquals("pvol", ok("volume", "rm", "pvol"));
    assertFalse(Files.exists(plugin.dir("pvol")), "the plugin removed its folder");
    Files.write(volumes().resolve("bizvol/_data/data.bin"), new byte[1 << 20]);
    String pruned = ok("volume", "prune", "-a", "-f");
    assertTrue(pruned.contains("sizedvol") && pruned.contains("bizvol"), pruned);
    assertTrue(pruned.endsWith("Total reclaimed space: 1.049MB"), "prune measured the data it removed: " + pruned);
    assertEquals(List.of(), names());
    assertEquals(List.of(), mountsUnder(volumes()));
  }

  @Test
  @Order(8)
  void everyChangeIsAnEventOnTheVolumeTopic() {
    List<JsonObject> events = s.events("berth.volume.events", -1, 8);
    for (String type : List.of("created", "removed", "mounted", "unmounted", "pruned")) {
      assertTrue(events.stream().anyMatch(e -> e.getString("type").equals("io.berth.volume." + type)), type + " missing");
    }
    JsonObject mounted = events.stream().filter(e -> e.getString("type").equals("io.berth.volume.mounted")
        && e.getJsonObject("data").getString("name").equals("tmpvol")).findFirst().orElseThrow().getJsonObject("data");
    assertEquals(C1, mounted.getString("containerId"));
    assertEquals(volumes().resolve("tmpvol/_data").toString(), mounted.getString("hostPath"));
    assertEquals("/tmp/x", mounted.getString("target"));
    assertEquals(1, mounted.getInteger("refCount"));
    assertEquals("node1", mounted.getString("node"));
  }
}
