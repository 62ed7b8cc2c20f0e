package io.berth.kit.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.kit.errors.BerthException;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** The cases of go-units' own size tests, plus those of the services that read sizes, with Docker's messages. */
class ByteSizeTest {
  private static final long KB = 1000;
  private static final long MB = 1000 * KB;
  private static final long GB = 1000 * MB;
  private static final long TB = 1000 * GB;
  private static final long PB = 1000 * TB;
  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;
  private static final long GIB = 1024 * MIB;
  private static final long TIB = 1024 * GIB;
  private static final long PIB = 1024 * TIB;

  private static String error(ToLongFunction<String> parse, String text) {
    return assertThrows(BerthException.InvalidRequest.class, () -> parse.applyAsLong(text), text).getMessage();
  }

  @Test
  void fromHumanSizeIsDecimal() {
    ToLongFunction<String> f = ByteSize::fromHumanSize;
    for (String s : new String[] {"0", "0b", "0B", "0 B", "0.", "0. ", "0.b", "0.B", "-0", "-0b", "-0B", "-0 b",
        "-0 B", "0 "}) {
      assertEquals(0, f.applyAsLong(s), s);
    }
    for (String s : new String[] {"32", "32b", "32B", "32.", "32.b", "32.B", "32. b", "32. B", "32.5 B"}) {
      assertEquals(32, f.applyAsLong(s), s);
    }
    assertEquals(32 * KB, f.applyAsLong("32k"));
    assertEquals(32 * KB, f.applyAsLong("32K"));
    assertEquals(32 * KB, f.applyAsLong("32kb"));
    assertEquals(32 * KB, f.applyAsLong("32Kb"));
    assertEquals(32 * KB, f.applyAsLong("32KiB"), "the suffix names the unit, the function the base");
    assertEquals(32 * MB, f.applyAsLong("32Mb"));
    assertEquals(32 * GB, f.applyAsLong("32Gb"));
    assertEquals(32 * TB, f.applyAsLong("32Tb"));
    assertEquals(32 * PB, f.applyAsLong("32Pb"));
    assertEquals(32_500, f.applyAsLong("32.5kB"));
    assertEquals(32_500, f.applyAsLong("32.5 kB"));
    assertEquals(300, f.applyAsLong("0.3 K"));
    assertEquals(300, f.applyAsLong(".3kB"));
    assertEquals(100 * KB, f.applyAsLong("100k"), "json-file's max-size as the logging tests give it");
    assertEquals(50 * MB, f.applyAsLong("50m"));
  }

  @Test
  void fromHumanSizeRefusesWhatGoUnitsRefuses() {
    ToLongFunction<String> f = ByteSize::fromHumanSize;
    for (String s : new String[] {" 0", " 0b", " 0B", " 0 B", "0b ", "0B ", "0 B ", "", "hello", ".", ". ", " ", "  ",
        " .", " . ", "-32", "-32b", "-32B", "-32 b", "-32 B", "32b.", "32B.", "32 b.", "32 B.", "32 bb", "32 BB",
        "32 b b", "32 B B", "32  b", "32  B", " 32 ", "32m b", "32bm"}) {
      error(f, s);
    }
    assertThrows(BerthException.InvalidRequest.class, () -> ByteSize.fromHumanSize(null));
  }

  @Test
  void ramInBytesIsBinary() {
    ToLongFunction<String> r = ByteSize::ramInBytes;
    assertEquals(32, r.applyAsLong("32"));
    assertEquals(32, r.applyAsLong("32b"));
    assertEquals(32, r.applyAsLong("32B"));
    assertEquals(32 * KIB, r.applyAsLong("32k"));
    assertEquals(32 * KIB, r.applyAsLong("32K"));
    assertEquals(32 * KIB, r.applyAsLong("32kb"));
    assertEquals(32 * KIB, r.applyAsLong("32Kb"));
    assertEquals(32 * KIB, r.applyAsLong("32Kib"));
    assertEquals(32 * KIB, r.applyAsLong("32KIB"));
    assertEquals(32 * MIB, r.applyAsLong("32Mb"));
    assertEquals(32 * GIB, r.applyAsLong("32Gb"));
    assertEquals(32 * TIB, r.applyAsLong("32Tb"));
    assertEquals(32 * PIB, r.applyAsLong("32Pb"));
    assertEquals(32 * PIB, r.applyAsLong("32PB"));
    assertEquals(32 * PIB, r.applyAsLong("32P"));
    assertEquals(32, r.applyAsLong("32.3"));
    assertEquals((long) (32.3 * MIB), r.applyAsLong("32.3 mb"));
    assertEquals((long) (0.3 * MIB), r.applyAsLong("0.3MB"));
    assertEquals(10 * MIB, r.applyAsLong("10m"), "a tmpfs volume's size as the volume tests give it");
    assertEquals(4 * KIB, r.applyAsLong("4k"), "splunk's spool-max-size");
    assertEquals(1 * MIB, r.applyAsLong("1m"), "max-buffer-size's default");
    assertEquals(1536, r.applyAsLong("1.5k"));
    assertEquals(8, r.applyAsLong("0x1p3"), "Go's float syntax, hexadecimal included");
    assertEquals(2 * KIB, r.applyAsLong("2e0k"));
  }

  @Test
  void ramInBytesRefusesWhatGoUnitsRefuses() {
    ToLongFunction<String> r = ByteSize::ramInBytes;
    for (String s : new String[] {"", "hello", "-32", " 32 ", "32m b", "32bm"}) {
      error(r, s);
    }
  }

  @Test
  void messagesAreGoUnits() {
    ToLongFunction<String> r = ByteSize::ramInBytes;
    ToLongFunction<String> f = ByteSize::fromHumanSize;
    assertEquals("invalid size: 'big'", error(r, "big"), "a volume's size=big");
    assertEquals("invalid size: 'ten'", error(f, "ten"), "json-file's max-size=ten");
    assertEquals("invalid size: 'lots'", error(r, "lots"), "fluentd-buffer-limit=lots");
    assertEquals("invalid size: ''", error(r, ""));
    assertEquals("invalid size: ''", error(r, null));
    assertEquals("invalid size: '-32'", error(r, "-32"));
    assertEquals("invalid size: '-1 k'", error(r, "-1 k"));
    assertEquals("invalid suffix: 'x'", error(r, "10x"));
    assertEquals("invalid suffix: 'bm'", error(f, "32bm"));
    assertEquals("invalid suffix: 'ki'", error(r, "10Ki"), "lower-cased, as go-units prints it");
    assertEquals("invalid suffix: 'mbb'", error(r, "1mbb"));
    assertEquals("invalid suffix: 'kibb'", error(r, "1kibb"));
    assertEquals("invalid suffix: ' b'", error(f, "32  b"));
    assertEquals("invalid suffix: 'ib'", error(r, "10ib"));
    assertEquals("strconv.ParseFloat: parsing \"32m\": invalid syntax", error(r, "32m b"));
    assertEquals("strconv.ParseFloat: parsing \"\": invalid syntax", error(r, " 32 "));
    assertEquals("strconv.ParseFloat: parsing \".\": invalid syntax", error(r, "."));
    assertEquals("strconv.ParseFloat: parsing \"1.2.3\": invalid syntax", error(r, "1.2.3k"));
    assertEquals("strconv.ParseFloat: parsing \"1e999\": value out of range", error(r, "1e999"));
    assertEquals("invalid size: 'inf b'", error(r, "inf b"), "Go's int64 of an infinity is no size");
    assertEquals("strconv.ParseFloat: parsing \"10m\": invalid syntax", error(r, "10m "), "no trimming, as go-units");
    assertEquals("strconv.ParseFloat: parsing \"\": invalid syntax", error(f, " 10m"));
    assertEquals(10 * MIB, r.applyAsLong("10 m"), "one space between number and suffix is fine");
  }
}
