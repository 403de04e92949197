package com.channelexpansion.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * Daily FX rates to USD for EUR and GBP: a small random walk, one rate per weekday (weekend
 * orders use Friday's rate), 10 decimals, from {@link SampleCalendar#fxStart()} to the end date.
 */
final class SampleFxRates {

  static final String REPORTING_CURRENCY = "USD";
  static final List<String> FOREIGN_CURRENCIES = List.of("EUR", "GBP");

  private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new TreeMap<>();

  private SampleFxRates() {}

  static SampleFxRates generate(SampleCalendar calendar, SplittableRandom random) {
    SampleFxRates table = new SampleFxRates();
    Map<String, BigDecimal> level =
        new TreeMap<>(Map.of("EUR", new BigDecimal("1.0850000000"), "GBP", new BigDecimal("1.2650000000")));
    for (String currency : FOREIGN_CURRENCIES) {
      table.rates.put(currency, new TreeMap<>());
    }
    for (LocalDate day = calendar.fxStart(); !day.isAfter(calendar.end()); day = day.plusDays(1)) {
      if (SampleCalendar.isWeekend(day)) {
        continue;
      }
      for (String currency : FOREIGN_CURRENCIES) {
        // A daily step of at most +-0.4 % (-0.004000 .. 0.004000, an exact decimal).
        BigDecimal step = BigDecimal.valueOf(random.nextInt(-4000, 4001), 6);
        BigDecimal rate =
            level.get(currency).multiply(BigDecimal.ONE.add(step)).setScale(10, RoundingMode.HALF_UP);
        level.put(currency, rate);
        table.rates.get(currency).put(day, rate);
      }
    }
    return table;
  }

  /** Rate of the latest rate_date on or before {@code day}; 1 for USD. */
  BigDecimal rateOn(String currency, LocalDate day) {
    if (REPORTING_CURRENCY.equals(currency)) {
      return BigDecimal.ONE;
    }
    Map.Entry<LocalDate, BigDecimal> entry = rates.get(currency).floorEntry(day);
    if (entry == null) {
      throw new IllegalStateException("Cannot convert " + currency + ": no rate on or before " + day);
    }
    return entry.getValue();
  }

  LocalDate firstRateDate() {
    return rates.values().stream().map(NavigableMap::firstKey).min(LocalDate::compareTo).orElseThrow();
  }

  void write(Path file) {
    CSVPrinter printer = CsvTables.open(file, CsvTables.UNIX, "rate_date", "currency", "rate_to_reporting");
    List<LocalDate> days = new ArrayList<>(rates.get(FOREIGN_CURRENCIES.get(0)).keySet());
    for (LocalDate day : days) {
      for (String currency : FOREIGN_CURRENCIES) {
        CsvTables.printRecord(printer, day, currency, rates.get(currency).get(day).toPlainString());
      }
    }
    CsvTables.close(printer);
  }
}
