package io.berth.host;

import java.nio.file.Path;

/** One line of {@code /proc/self/mountinfo}. */
public record MountInfo(int id, int parentId, String root, Path mountPoint, String options, String fsType,
        String source, String superOptions) {

    static MountInfo parse(String line) {
        String[] halves = line.split(" - ", 2);
        String[] a = halves[0].split(" ");
        String[] b = halves.length > 1 ? halves[1].split(" ") : new String[0];
        return new MountInfo(Integer.parseInt(a[0]), Integer.parseInt(a[1]), unescape(a[3]), Path.of(unescape(a[4])),
                a[5], b.length > 0 ? b[0] : "", b.length > 1 ? unescape(b[1]) : "", b.length > 2 ? b[2] : "");
    }

    /** mountinfo escapes space, tab, newline and backslash as octal ({@code \040}). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 3 < s.length()) {
                try {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                    continue;
                } catch (NumberFormatException ignored) {
                    // fall through: keep the backslash
                }
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    public boolean isReadOnly() {
        return ("," + options + ",").contains(",ro,");
    }
}
