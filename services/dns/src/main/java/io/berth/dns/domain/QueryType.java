package io.berth.dns.domain;

/** The question types the resolver answers itself; everything else is forwarded. */
public enum QueryType {
  A, AAAA, PTR, MX, OTHER;

  /** The type for a numeric RR type code. */
  public static QueryType of(int code) {
    return switch (code) {
      case 1 -> A;
      case 28 -> AAAA;
      case 12 -> PTR;
      case 15 -> MX;
      default -> OTHER;
    };
  }
}
