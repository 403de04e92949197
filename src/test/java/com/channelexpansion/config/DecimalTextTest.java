package com.channelexpansion.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-0 | 0",
        "01 | 1",
        "+1.5 | 1.5",
        "-12.345678 | -12.345678",
        "0.000001 | 0.000001",
        "999999999999.999999 | 999999999999.999999",
        "-999999999999 | -999999999999",
        "000000000000000000007 | 7"
      })
  void acceptsTheGrammar(String text, String expected) {
    BigDecimal value = DecimalText.parse(text, 6);
    assertEquals(0, new BigDecimal(expected).compareTo(value), () -> text + " parsed as " + value);
    assertTrue(DecimalText.parse(text, 6) != null);
    assertNull(DecimalText.problem(text, 6));
  }

  @Test
  void keepsTheScaleAsWrittenAndMinusZeroIsNotNegative() {
    assertEquals(new BigDecimal("1.50"), DecimalText.parse("1.50", 6)); // equals compares scale too
    assertEquals(0, DecimalText.parse("-0", 6).signum());
    assertEquals(0, DecimalText.parse("-0.000", 6).signum());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "5.", ".5", "1e3", "1E3", "1,000", "1 000", "1_000", "+", "-", "+-1", "--1", " 1", "1 ",
        "0x10", "NaN", "Infinity", "1.2.3", "\u0661", "$5", "5%", "1.1234567", "1000000000000",
        "-1000000000000", "1000000000000.0"
      })
  void rejectsEverythingElse(String text) {
    assertNull(DecimalText.parse(text, 6), () -> "'" + text + "' should be invalid");
    assertFalse(DecimalText.parse(text, 6) != null);
  }

  @Test
  void nullIsInvalidNotAnError() {
    assertNull(DecimalText.parse(null, 6));
  }

  @Test
  void maxScaleIsTheCallersChoice() {
    // FX rates take up to 10 decimals; multipliers 4; maxScale 0 means whole numbers only.
    assertEquals(new BigDecimal("1.0812345678"), DecimalText.parse("1.0812345678", 10));
    assertNull(DecimalText.parse("1.08123456789", 10));
    assertEquals(new BigDecimal("1.2500"), DecimalText.parse("1.2500", 4));
    assertNull(DecimalText.parse("1.25001", 4));
    assertEquals(new BigDecimal("12"), DecimalText.parse("12", 0));
    assertNull(DecimalText.parse("12.0", 0));
    assertThrows(IllegalArgumentException.class, () -> DecimalText.parse("1", -1));
  }

  @Test
  void problemSaysWhy() {
    assertEquals("has more than 6 decimals", DecimalText.problem("1.1234567", 6));
    assertEquals("is too large (its size must be below 10^12)", DecimalText.problem("1000000000000", 6));
    assertTrue(DecimalText.problem("1,000", 6).startsWith("is not a number"));
    assertEquals("is empty", DecimalText.problem("", 6));
  }
}
