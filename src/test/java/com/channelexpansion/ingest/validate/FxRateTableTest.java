package com.channelexpansion.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.FxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxRateTableTest {
  private static FxRate rate(String date, String currency, String rate) {
    return new FxRate(LocalDate.parse(date), currency, new BigDecimal(rate));
  }

  // Listed out of date order on purpose: the table must not depend on file order.
  private final FxRateTable table =
      new FxRateTable(
          List.of(
              rate("2024-03-01", "EUR", "1.085"),
              rate("2024-01-01", "EUR", "1.10"),
              rate("2024-02-01", "gbp", "1.2712345678"),
              rate("2024-01-01", "USD", "2")), // a row for the reporting currency: ignored
          "usd");

  private BigDecimal on(String currency, String date) {
    return table.rateOn(currency, LocalDate.parse(date)).orElseThrow();
  }

  @Test
  void takesTheRateWithTheLatestRateDateOnOrBeforeTheDate() {
    assertEquals(new BigDecimal("1.1000000000"), on("EUR", "2024-01-01")); // exactly its date
    assertEquals(new BigDecimal("1.1000000000"), on("EUR", "2024-02-29")); // 03-01 is later
    assertEquals(new BigDecimal("1.0850000000"), on("EUR", "2024-03-01"));
    assertEquals(new BigDecimal("1.0850000000"), on("EUR", "2030-06-30")); // last rate carries on
  }

  @Test
  void currencyCodesIgnoreCase() {
    assertEquals(new BigDecimal("1.0850000000"), on("eur", "2024-03-02"));
    assertEquals(new BigDecimal("1.2712345678"), on("GBP", "2024-02-01"));
  }

  @Test
  void noRateBeforeTheFirstRateOrForAnUnknownCurrency() {
    assertTrue(table.rateOn("EUR", LocalDate.parse("2023-12-31")).isEmpty());
    assertTrue(table.rateOn("GBP", LocalDate.parse("2024-01-31")).isEmpty());
    assertTrue(table.rateOn("JPY", LocalDate.parse("2024-03-01")).isEmpty());
  }

  @Test
  void reportingCurrencyIsAlwaysOneWhateverTheDate() {
    // The USD row of 2.0 is ignored; 1900 is before any rate in the table.
    assertEquals(new BigDecimal("1.0000000000"), on("USD", "1900-01-01"));
    assertEquals(new BigDecimal("1.0000000000"), on("usd", "2024-01-01"));
    assertEquals("USD", table.reportingCurrency());
  }

  @Test
  void reportingCurrencyNeedsNoRateAtAll() {
    FxRateTable empty = new FxRateTable(List.of(), "EUR");
    assertEquals(new BigDecimal("1.0000000000"), empty.rateOn("EUR", LocalDate.parse("2024-01-01")).orElseThrow());
    assertTrue(empty.rateOn("USD", LocalDate.parse("2024-01-01")).isEmpty());
  }

  @Test
  void twoRatesForOneDateAndCurrencyAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new FxRateTable(
                    List.of(rate("2024-01-01", "EUR", "1.1"), rate("2024-01-01", "eur", "1.2")),
                    "USD"));
    assertTrue(e.getMessage().startsWith("Cannot build FX rate table: two rates for EUR on 2024-01-01"), e.getMessage());
  }

  @Test
  void moreThanTenDecimalsAreRefusedButTrailingZerosAreNot() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new FxRateTable(List.of(rate("2024-01-01", "EUR", "1.12345678901")), "USD"));
    FxRateTable zeros = new FxRateTable(List.of(rate("2024-01-01", "EUR", "1.10000000000")), "USD");
    assertEquals(new BigDecimal("1.1000000000"), zeros.rateOn("EUR", LocalDate.parse("2024-01-01")).orElseThrow());
  }
}
