package com.channelexpansion.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
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
    Optional<BigDecimal> value = ExportNumbers.parseDecimal(text);
    assertTrue(value.isPresent(), text + " should parse");
    assertEquals(0, value.get().compareTo(new BigDecimal(expected)), text + " -> " + value.get());
  }

  @Test
  void minusZeroIsNotNegative() {
    assertEquals(0, ExportNumbers.parseDecimal("-0").orElseThrow().signum());
    assertEquals(0, ExportNumbers.parseDecimal("-0.000").orElseThrow().signum());
  }

  @ParameterizedTest(name = "\"{0}\" is invalid")
  @ValueSource(
      strings = {
        "5.", ".5", "1e3", "1E3", "1,000", "1 000", "1.1234567", "1000000000000",
        "-1000000000000", "1000000000000.0", "", " 1", "--1", "+-1", "+", "-", "0x10",
        "1.2.3", "NaN", "Infinity", "\u0661\u0662", "12%", "$12", "1_000"
      })
  void textsOutsideTheGrammarDoNotParse(String text) {
    assertTrue(ExportNumbers.parseDecimal(text).isEmpty(), "\"" + text + "\" should not parse");
  }

  @Test
  void nullDoesNotParse() {
    assertTrue(ExportNumbers.parseDecimal(null).isEmpty());
    assertTrue(ExportNumbers.parseLineNumber(null).isEmpty());
  }

  @ParameterizedTest(name = "line number {0} = {1}")
  @CsvSource({"01, 1", "1, 1", "+1, 1", "-0, 0", "0, 0", "000, 0", "999999999999, 999999999999"})
  void lineNumbersAreNonNegativeIntegers(String text, long expected) {
    assertEquals(expected, ExportNumbers.parseLineNumber(text).orElseThrow());
  }

  @ParameterizedTest(name = "line number \"{0}\" is invalid")
  @ValueSource(strings = {"-1", "1.0", "1.5", "1e2", "1,000", "1000000000000", "", "one", "1."})
  void badLineNumbersDoNotParse(String text) {
    assertTrue(ExportNumbers.parseLineNumber(text).isEmpty(), "\"" + text + "\" should not parse");
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
