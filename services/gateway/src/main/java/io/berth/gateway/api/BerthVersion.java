package io.berth.gateway.api;

/** berth's own version, from the jar manifest (Maven writes it); "dev" when run from classes. */
final class BerthVersion {
  private BerthVersion() {}

  static String version() {
    String v = BerthVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static String commit() {
    String c = System.getProperty("berth.commit");
    return c == null ? "unknown" : c;
  }

  static String buildTime() {
    String t = System.getProperty("berth.build.time");
    return t == null ? "" : t;
  }
}
