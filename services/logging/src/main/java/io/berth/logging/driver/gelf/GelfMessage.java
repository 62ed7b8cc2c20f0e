package io.berth.logging.driver.gelf;

import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Docker's GELF 1.1 message: {@code version}, {@code host}, {@code short_message} (the line), {@code timestamp}
 * (seconds with millisecond fraction), {@code level} (6 stdout, 3 stderr) and the extra fields
 * {@code _container_id}, {@code _container_name}, {@code _image_id}, {@code _image_name}, {@code _command},
 * {@code _tag}, {@code _created}, plus labels/env as {@code _key}.
 */
public final class GelfMessage {
  private final String host;
  private final String extra;
  private final byte[] extraBytes;

  public GelfMessage(String host, ContainerInfo c, String tag, Map<String, String> attrs) {
    this.host = host;
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("_container_id", c.id());
    e.put("_container_name", c.name());
    e.put("_image_id", c.imageId());
    e.put("_image_name", c.image());
    e.put("_command", c.commandLine());
    e.put("_tag", tag);
    e.put("_created", c.createdAt());
    attrs.forEach(e::put);
    String json = new JsonObject(e).encode();
    this.extra = json.substring(1, json.length() - 1);
    this.extraBytes = extra.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private final io.berth.logging.file.ByteBuf buf = new io.berth.logging.file.ByteBuf(4096);

  /** The message as JSON (strings escaped as json-file does, which JSON decoders read the same). */
  public byte[] encode(LogMessage m) {
    buf.clear();
    buf.putAscii("{\"version\":\"1.1\",\"host\":");
    string(host.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    buf.putAscii(",\"short_message\":");
    string(m.line());
    buf.putAscii(",\"timestamp\":");
    buf.putAscii(timestamp(m.timeNanos()));
    buf.putAscii(m.stream() == LogStream.STDERR ? ",\"level\":3" : ",\"level\":6");
    if (!extra.isEmpty()) {
      buf.put(',');
      buf.put(extraBytes);
    }
    buf.put('}');
    return buf.toArray();
  }

  private void string(byte[] s) {
    buf.put('"');
    io.berth.logging.file.JsonLogFormat.escape(s, buf);
    buf.put('"');
  }

  static String timestamp(long nanos) {
    return BigDecimal.valueOf(nanos / 1_000_000).movePointLeft(3).stripTrailingZeros().toPlainString();
  }

}
