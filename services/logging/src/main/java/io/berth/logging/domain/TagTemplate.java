package io.berth.logging.domain;

import io.berth.kit.errors.BerthException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker's log tag template ({@code tag} option): {@code {{.ID}}}, {@code {{.FullID}}}, {@code {{.Name}}},
 * {@code {{.ImageID}}}, {@code {{.ImageFullID}}}, {@code {{.ImageName}}}, {@code {{.DaemonName}}}; the name is the
 * one at start. Drivers other than json-file default to {@link #DEFAULT} ({@code {{.ID}}}).
 */
public final class TagTemplate {
  public static final String DEFAULT = "{{.ID}}";
  private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*}}");

  private TagTemplate() {}

  /** The tag for {@code container}: the {@code tag} option rendered, or {@code defaultTemplate} when unset. */
  public static String render(String template, String defaultTemplate, ContainerInfo c) {
    String t = template == null ? defaultTemplate : template;
    if (t == null || t.isEmpty()) return "";
    Matcher m = FIELD.matcher(t);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = switch (m.group(1)) {
        case "ID" -> c.shortId();
        case "FullID" -> c.id();
        case "Name" -> c.name();
        case "ImageID" -> shortImage(c.imageId());
        case "ImageFullID" -> c.imageId();
        case "ImageName" -> c.image();
        case "DaemonName" -> "docker";
        default -> throw new BerthException.InvalidRequest(
            "template: log-tag:1:2: executing \"log-tag\" at <." + m.group(1) + ">: can't evaluate field "
                + m.group(1) + " in type *logger.Info");
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String shortImage(String imageId) {
    String id = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
