package com.channelexpansion.ingest.validate;

import com.channelexpansion.config.FxRate;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * FX rates by currency and date (PRODUCT.md rule 5): the rate of a currency on a date is the one
 * with the latest rate_date on or before that date. The reporting currency's rate is always 1,
 * whatever the date (rows for it in fx_rates.csv are ignored). Currency codes ignore case.
 * Rates are held at scale 10, like the DECIMAL(20,10) fx_rate column. One lookup is a hash
 * lookup plus a {@link TreeMap#floorEntry}.
 */
public final class FxRateTable implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Scale of fx_rate values (DECIMAL(20,10)). */
  public static final int RATE_SCALE = 10;

  private static final BigDecimal ONE = BigDecimal.ONE.setScale(RATE_SCALE);

  private final String reportingCurrency;
  private final HashMap<String, TreeMap<LocalDate, BigDecimal>> ratesByCurrency = new HashMap<>();

  /**
   * @param rates rows of fx_rates.csv, already checked by the configuration loader
   * @param reportingCurrency the settings' reporting currency, any case
   * @throws IllegalArgumentException on two rates for one (rate_date, currency) or a rate with
   *     more than 10 decimals, which the loader should have refused
   */
  public FxRateTable(List<FxRate> rates, String reportingCurrency) {
    this.reportingCurrency = normalize(Objects.requireNonNull(reportingCurrency, "reportingCurrency"));
    for (FxRate rate : rates) {
      String currency = normalize(rate.currency());
      if (currency.equals(this.reportingCurrency)) {
        continue;
      }
      BigDecimal scaled = atRateScale(rate);
      BigDecimal previous =
          ratesByCurrency.computeIfAbsent(currency, c -> new TreeMap<>()).put(rate.rateDate(), scaled);
      if (previous != null) {
        throw new IllegalArgumentException(
            "Cannot build FX rate table: two rates for "
                + currency
                + " on "
                + rate.rateDate()
                + " ("
                + previous.toPlainString()
                + " and "
                + scaled.toPlainString()
                + ")");
      }
    }
  }

  /** The reporting currency, upper-cased. */
  public String reportingCurrency() {
    return reportingCurrency;
  }

  /**
   * The rate converting one unit of {@code currency} into the reporting currency on {@code date}.
   *
   * @return the rate at scale 10 with the latest rate_date <= date; 1 for the reporting currency;
   *     empty when the currency has no rate on or before the date
   */
  public Optional<BigDecimal> rateOn(String currency, LocalDate date) {
    Objects.requireNonNull(date, "date");
    String code = normalize(Objects.requireNonNull(currency, "currency"));
    if (code.equals(reportingCurrency)) {
      return Optional.of(ONE);
    }
    TreeMap<LocalDate, BigDecimal> rates = ratesByCurrency.get(code);
    if (rates == null) {
      return Optional.empty();
    }
    Entry<LocalDate, BigDecimal> entry = rates.floorEntry(date);
    return entry == null ? Optional.empty() : Optional.of(entry.getValue());
  }

  private static BigDecimal atRateScale(FxRate rate) {
    try {
      return rate.rateToReporting().setScale(RATE_SCALE, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "Cannot build FX rate table: rate of "
              + rate.currency()
              + " on "
              + rate.rateDate()
              + " has more than "
              + RATE_SCALE
              + " decimals ("
              + rate.rateToReporting().toPlainString()
              + ")",
          e);
    }
  }

  private static String normalize(String code) {
    return code.toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    int count = ratesByCurrency.values().stream().mapToInt(Map::size).sum();
    return "FxRateTable[reporting=" + reportingCurrency + ", rates=" + count + "]";
  }
}
