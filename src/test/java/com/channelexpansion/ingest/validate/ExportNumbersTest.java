package com.channelexpansion.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExportNumbersTest {

  @ParameterizedTest(name = "{0} parses as {1}")
  @CsvSource({
    "-0, 0",
    "0, 0",
    "01, 1",
    "+1.5, 1.5",
    "-2.25, -2.25",
    "1.123456, 1.123456",
    "999999999999.999999, 999999999999.999999",
    "-999999999999, -999999999999",
    "0007.000100, 7.0001"
  })
  void decimalsOfTheGrammarParse(String text, String expected) {
    Parsed<BigDecimal> value = ExportNumbers.parseDecimal(text);
    assertTrue(value.ok(), text + " should parse, got " + value.problem());
    assertEquals(0, value.value().compareTo(new BigDecimal(expected)), text + " -> " + value.value());
  }

  @Test
  void minusZeroIsNotNegative() {
    assertEquals(0, ExportNumbers.parseDecimal("-0").value().signum());
    assertEquals(0, ExportNumbers.parseDecimal("-0.000").value().signum());
  }

  @ParameterizedTest(name = "\"{0}\" is invalid")
  @ValueSource(
      strings = {
        "5.", ".5", "1e3", "1E3", "1,000", "1 000", "1.1234567", "1000000000000",
        "-1000000000000", "1000000000000.0", "", " 1", "--1", "+-1", "+", "-", "0x10",
        "1.2.3", "NaN", "Infinity", "\u0661\u0662", "12%", "$12", "1_000"
      })
  void textsOutsideTheGrammarDoNotParse(String text) {
    Parsed<BigDecimal> parsed = ExportNumbers.parseDecimal(text);
    assertFalse(parsed.ok(), "\"" + text + "\" should not parse");
    assertNull(parsed.value());
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "1e5|'1e5' has an exponent",
        "1.5E-3|'1.5E-3' has an exponent",
        "1,200.00|'1,200.00' has a thousands separator",
        "1 000|'1 000' has a thousands separator",
        "1.000.000|'1.000.000' has a thousands separator",
        "1,5|'1,5' has a decimal comma (write '.')",
        "5.|'5.' has no digit after '.'",
        ".5|'.5' has no digit before '.'",
        "abc|'abc' is not a number",
        "$12|'$12' is not a number",
        "1.1234567|'1.1234567' has more than 6 decimals",
        "1000000000000|'1000000000000' is too large (its size must be below 10^12)",
        "\"\"|empty"
      })
  void invalidDecimalsSayWhy(String text, String problem) {
    assertEquals(problem, ExportNumbers.parseDecimal(text).problem());
  }

  @ParameterizedTest(name = "line number \"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "-1|'-1' is not a non-negative integer",
        "1.0|'1.0' is not a non-negative integer",
        "1.5|'1.5' is not a non-negative integer",
        "1e2|'1e2' has an exponent",
        "one|'one' is not a number",
        "1000000000000|'1000000000000' is too large (its size must be below 10^12)"
      })
  void invalidLineNumbersSayWhy(String text, String problem) {
    assertEquals(problem, ExportNumbers.parseLineNumber(text).problem());
  }

  @Test
  void aLongOrMultiLineValueIsClippedAndEscapedInTheProblem() {
    String problem = ExportNumbers.parseDecimal("12\n" + "3".repeat(60)).problem();
    assertEquals("'12U+000A" + "3".repeat(37) + "...' is not a number", problem);
  }

  @Test
  void nullDoesNotParse() {
    assertEquals("empty", ExportNumbers.parseDecimal(null).problem());
    assertEquals("empty", ExportNumbers.parseLineNumber(null).problem());
  }

  @ParameterizedTest(name = "line number {0} = {1}")
  @CsvSource({"01, 1", "1, 1", "+1, 1", "-0, 0", "0, 0", "000, 0", "999999999999, 999999999999"})
  void lineNumbersAreNonNegativeIntegers(String text, long expected) {
    assertEquals(expected, ExportNumbers.parseLineNumber(text).value());
  }

  @ParameterizedTest(name = "line number \"{0}\" is invalid")
  @ValueSource(strings = {"-1", "1.0", "1.5", "1e2", "1,000", "1000000000000", "", "one", "1."})
  void badLineNumbersDoNotParse(String text) {
    assertFalse(ExportNumbers.parseLineNumber(text).ok(), "\"" + text + "\" should not parse");
  }

  @ParameterizedTest(name = "{0} rounds to {1}")
  @CsvSource({
    "0.125, 0.13", // half goes up
    "-0.125, -0.13", // HALF_UP is away from zero
    "0.124999, 0.12",
    "-0.124999, -0.12",
    "0.005, 0.01",
    "-0.005, -0.01",
    "9999999999999999.994, 9999999999999999.99" // largest DECIMAL(18,2) value
  })
  void moneyRoundsHalfUpToCents(String exact, String expected) {
    BigDecimal money = ExportNumbers.toMoney(new BigDecimal(exact)).orElseThrow();
    assertEquals(new BigDecimal(expected), money); // equals also checks scale 2
  }

  @ParameterizedTest(name = "{0} overflows DECIMAL(18,2)")
  @ValueSource(strings = {"9999999999999999.995", "10000000000000000", "-9999999999999999.995"})
  void moneyThatDoesNotFitDecimal18x2IsRefused(String exact) {
    assertTrue(ExportNumbers.toMoney(new BigDecimal(exact)).isEmpty());
  }
}
