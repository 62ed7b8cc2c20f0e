package io.berth.kit.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of failure becomes Docker's {@code {"message"}} with the right status and the exact content type. */
class ErrorRepliesTest {
  static Vertx vertx;
  static WebClient client;
  static int port;

  @BeforeAll
  static void serve() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(16));
    router.get("/invalid").handler(rc -> { throw BerthException.invalid("bad name %s", "x/y"); });
    router.get("/missing").handler(rc -> rc.fail(BerthException.notFound("no such volume: %s", "v")));
    router.get("/conflict").handler(rc -> { throw BerthException.conflict("volume is in use"); });
    router.get("/down").handler(rc -> { throw new BerthException.Unavailable("kafka is down"); });
    router.get("/bug").handler(rc -> { throw new IllegalStateException("boom"); });
    router.post("/json").handler(rc -> rc.response().end(rc.body().asJsonObject().encode()));
    router.get("/number").handler(rc -> rc.response().end(String.valueOf(Integer.parseInt("12x"))));
    router.get("/argument").handler(rc -> { throw new IllegalArgumentException("a bug's argument"); });
    router.get("/query").handler(rc -> rc.response().end(String.valueOf(rc.queryParams().size())));
    router.route().last().handler(rc -> rc.fail(404));
    router.route().failureHandler(ErrorReplies::handle);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    port = server.actualPort();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static HttpResponse<Buffer> get(String path) {
    return client.get(port, "127.0.0.1", path).send().await();
  }

  private static void assertDockerError(HttpResponse<Buffer> r, int status, String message) {
    assertEquals(status, r.statusCode());
    assertEquals("application/json", r.getHeader("Content-Type"));
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(message, body.getString("message"));
    assertEquals(1, body.size());
  }

  @Test
  void eachKindMapsToItsStatus() {
    assertDockerError(get("/invalid"), 400, "bad name x/y");
    assertDockerError(get("/missing"), 404, "no such volume: v");
    assertDockerError(get("/conflict"), 409, "volume is in use");
    assertDockerError(get("/down"), 503, "kafka is down");
  }

  @Test
  void unexpectedFailuresAre500WithoutAStackTrace() {
    HttpResponse<Buffer> r = get("/bug");
    assertDockerError(r, 500, "boom");
    assertFalse(r.bodyAsString().contains("at io.berth"));
  }

  @Test
  void unknownPathsAreDockersPageNotFound() {
    assertDockerError(get("/nope"), 404, "page not found");
  }

  @Test
  void nonJsonAndOversizedBodiesAreRefused() {
    HttpResponse<Buffer> bad = client.post(port, "127.0.0.1", "/json").sendBuffer(Buffer.buffer("not json")).await();
    assertEquals(400, bad.statusCode());
    assertEquals("application/json", bad.getHeader("Content-Type"));
    HttpResponse<Buffer> big = client.post(port, "127.0.0.1", "/json")
        .sendBuffer(Buffer.buffer("{\"a\":\"" + "x".repeat(100) + "\"}")).await();
    assertDockerError(big, 413, "request body too large");
  }

  @Test
  void onlyValidationErrorsAre400() {
    // A NumberFormatException deep inside is berth's bug, not the client's: 500, as any other exception.
    assertDockerError(get("/number"), 500, "For input string: \"12x\"");
    assertDockerError(get("/argument"), 500, "a bug's argument");
    assertDockerError(get("/invalid"), 400, "bad name x/y");
  }

  @Test
  void aQueryStringThatCannotBeDecodedStays400() {
    HttpResponse<Buffer> r = get("/query?a=%zz");
    assertEquals(400, r.statusCode(), r.bodyAsString());
  }

  @Test
  void aJsonBodyOfTheWrongShapeIs400() {
    HttpResponse<Buffer> array = client.post(port, "127.0.0.1", "/json").sendBuffer(Buffer.buffer("[1]")).await();
    assertEquals(400, array.statusCode(), array.bodyAsString());
  }
}
