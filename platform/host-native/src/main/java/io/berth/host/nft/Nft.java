package io.berth.host.nft;

import java.util.regex.Pattern;

/** Checks that keep generated nft text well-formed. */
final class Nft {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private Nft() {
    }

    static String ident(String kind, String name) {
        if (name == null || !IDENT.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid nft " + kind + " name: " + name);
        }
        return name;
    }

    static String quoted(String text) {
        if (text.contains("\"") || text.contains("\n") || text.length() > 128) {
            throw new IllegalArgumentException("nft comment must be one line, at most 128 chars, without quotes: " + text);
        }
        return "\"" + text + "\"";
    }
}
