package io.berth.kit.errors;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes Docker's error reply. The docker CLI prints {@code message} only when the
 * Content-Type is exactly {@code application/json} (with a charset it prints the raw body), so that is what we send.
 */
public final class ErrorReplies {
  public static final String JSON = "application/json";
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);

  private ErrorReplies() {}

  /** A Vert.x Web failure handler: route with {@code router.route().failureHandler(ErrorReplies::handle)}. */
  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = failure == null ? ctx.statusCode() : statusOf(failure);
    String message = failure == null ? defaultMessage(status) : messageOf(failure, status);
    if (status >= 500) {
      LOG.warn("{} {} failed: {}", ctx.request().method(), ctx.request().path(), message, failure);
    }
    send(ctx.response(), status, message);
  }

  /** Writes {@code {"message": ...}} with the given status unless the response has already started. */
  public static void send(HttpServerResponse response, int status, String message) {
    if (response.headWritten() || response.closed()) {
      return;
    }
    response.setStatusCode(status)
        .putHeader("Content-Type", JSON)
        .end(new JsonObject().put("message", message).encode());
  }

  /**
   * The status of a failure: a {@link BerthException} carries its own; a body that is not JSON, or not the JSON value
   * asked for, and a query or path that cannot be decoded are the client's (400, as Docker); anything else is a bug
   * or a host failure (500), whatever its class: an {@code IllegalArgumentException} thrown inside berth is not the
   * client's fault, and services say "bad request" with {@code BerthException.InvalidRequest}.
   */
  public static int statusOf(Throwable failure) {
    if (failure instanceof BerthException be) return be.status();
    if (failure instanceof HttpException he) return he.getStatusCode();
    if (failure instanceof DecodeException || whileDecodingTheRequest(failure)) return 400;
    return 500;
  }

  /**
   * Classes that decode what the client sent: their failures, before berth's code is reached, are bad requests. (A
   * query or path with a bad %-escape never gets here: Vert.x answers 400 itself.)
   */
  private static final String[] REQUEST_DECODERS = {"io.vertx.ext.web.impl.RequestBodyImpl"};

  /**
   * Whether {@code failure} was thrown by Vert.x decoding the request (a JSON array read as an object) rather than by
   * berth's code: the first frames, up to berth's caller, name a decoder.
   */
  static boolean whileDecodingTheRequest(Throwable failure) {
    if (!(failure instanceof ClassCastException || failure instanceof IllegalArgumentException)) return false;
    for (StackTraceElement frame : failure.getStackTrace()) {
      String cls = frame.getClassName();
      if (cls.startsWith("io.berth.")) return false;
      for (String decoder : REQUEST_DECODERS) {
        if (cls.startsWith(decoder)) return true;
      }
    }
    return false;
  }

  private static String messageOf(Throwable failure, int status) {
    if (failure instanceof DecodeException) return "invalid JSON: " + firstLine(failure.getMessage());
    if (status == 400 && failure instanceof ClassCastException) return "invalid JSON: not the JSON value expected";
    if (failure instanceof HttpException he) return he.getPayload() != null ? he.getPayload() : defaultMessage(status);
    String m = failure.getMessage();
    return m == null || m.isBlank() ? defaultMessage(status) : m;
  }

  private static String firstLine(String s) {
    if (s == null) return "malformed body";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 403 -> "forbidden";
      case 404 -> "page not found";
      case 405 -> "method not allowed";
      case 409 -> "conflict";
      case 413 -> "request body too large";
      case 503 -> "service unavailable";
      default -> "internal server error";
    };
  }
}
