package com.channelexpansion.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExportTimestampsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Instant parse(String text, ZoneId zone) {
    Parsed<Instant> parsed = ExportTimestamps.parse(text, zone);
    assertTrue(parsed.ok(), "\"" + text + "\" should parse, got " + parsed.problem());
    return parsed.value();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "2024-03-15T10:00:00Z, 2024-03-15T10:00:00Z",
    "2024-03-15t10:00:00z, 2024-03-15T10:00:00Z", // letters in either case
    "2024-03-15T10:00:00+05:30, 2024-03-15T04:30:00Z", // 10:00 - 5:30
    "2024-03-15T10:00:00+0530, 2024-03-15T04:30:00Z", // same offset without colon
    "2024-03-15T10:00-08:00, 2024-03-15T18:00:00Z", // 10:00 + 8:00, no seconds
    "2024-03-15T10:00:00-0000, 2024-03-15T10:00:00Z",
    "2024-03-15 10:00:00+01:00, 2024-03-15T09:00:00Z", // space separator
    "2024-03-15T23:30:00-02:00, 2024-03-16T01:30:00Z", // offset crosses midnight
    "2024-03-15T10:00:07.5Z, 2024-03-15T10:00:07.500Z", // one fraction digit = 500 ms
    "2024-03-15T10:00:07.123456789Z, 2024-03-15T10:00:07.123456Z", // 9 digits truncated to micros
    "2024-03-15T10:00:07.999999999Z, 2024-03-15T10:00:07.999999Z", // truncation, not rounding
    "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z" // leap day
  })
  void timestampsWithAnOffsetIgnoreTheZone(String text, String expected) {
    assertEquals(Instant.parse(expected), parse(text, NEW_YORK));
  }

  @ParameterizedTest(name = "{0} in New York = {1}")
  @CsvSource({
    "2024-03-15T10:00:00, 2024-03-15T14:00:00Z", // EDT is UTC-4
    "2024-01-15 10:00, 2024-01-15T15:00:00Z", // EST is UTC-5
    "2024-03-15, 2024-03-15T04:00:00Z", // date alone = local midnight (EDT)
    "2024-01-15, 2024-01-15T05:00:00Z", // date alone = local midnight (EST)
    // DST gap: 2024-03-10 02:00 EST jumps to 03:00 EDT; 02:30 moves forward by the gap's hour to
    // 03:30 EDT = 07:30Z (java.time's ZonedDateTime.of).
    "2024-03-10T02:30:00, 2024-03-10T07:30:00Z",
    // DST overlap: 2024-11-03 01:30 happens twice; java.time takes the earlier offset, EDT (-4):
    // 01:30 + 4:00 = 05:30Z (not 06:30Z of the EST reading).
    "2024-11-03T01:30:00, 2024-11-03T05:30:00Z"
  })
  void timestampsWithoutAnOffsetAreLocalTimeInTheZone(String text, String expected) {
    assertEquals(Instant.parse(expected), parse(text, NEW_YORK));
  }

  @Test
  void dateAloneInUtcIsUtcMidnight() {
    assertEquals(Instant.parse("2024-03-15T00:00:00Z"), parse("2024-03-15", ZoneOffset.UTC));
  }

  @ParameterizedTest(name = "\"{0}\" is invalid")
  @ValueSource(
      strings = {
        "2024-03-15Z", // a date with an offset but no time
        "2024-03-15+01:00",
        "2024-03-15-0100",
        "2024-3-15",
        "24-03-15",
        "20240315",
        "2024/03/15",
        "2024-03-15T10",
        "2024-03-15T1:00",
        "2024-03-15T10:00:0",
        "2024-03-15T10:00:00.",
        "2024-03-15T10:00:00.1234567890Z", // 10 fraction digits
        "2024-03-15T10:00.5", // fraction without seconds
        "2024-03-15T25:00:00",
        "2024-03-15T24:00:00",
        "2024-03-15T10:60:00",
        "2024-03-15T10:00:60", // no leap seconds
        "2024-02-30T10:00:00",
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "2024-03-15T10:00:00 Z",
        "2024-03-15T10:00:00+5:30",
        "2024-03-15T10:00:00+05",
        "2024-03-15T10:00:00+05:60",
        "2024-03-15T10:00:00+19:00", // beyond java.time's +-18:00
        "2024-03-15T10:00:00UTC",
        "2024-03-15T10:00:00[Europe/Paris]",
        "2024-03-15X10:00:00",
        "2024-03-15  10:00:00",
        "0000-01-01", // before year 1: outside Spark's TIMESTAMP range
        "yesterday",
        ""
      })
  void textsOutsideTheGrammarAreInvalid(String text) {
    assertFalse(ExportTimestamps.parse(text, NEW_YORK).ok(), "\"" + text + "\" should not parse");
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "15/03/2024|'15/03/2024' is not a timestamp",
        "yesterday|'yesterday' is not a timestamp",
        "2024-03-15Z|'2024-03-15Z' has an offset but no time",
        "2024-13-01|'2024-13-01' is not a timestamp (no such date, time or offset)",
        "2024-02-30T10:00:00|'2024-02-30T10:00:00' is not a timestamp (no such date, time or offset)",
        "2024-03-15T10:00:00+19:00|'2024-03-15T10:00:00+19:00' is not a timestamp (no such date, time or offset)",
        "0000-01-01|'0000-01-01' is outside years 0001-9999",
        "\"\"|empty"
      })
  void invalidTimestampsSayWhy(String text, String problem) {
    assertEquals(problem, ExportTimestamps.parse(text, NEW_YORK).problem());
  }

  @Test
  void nullIsInvalid() {
    assertEquals("empty", ExportTimestamps.parse(null, NEW_YORK).problem());
  }
}
