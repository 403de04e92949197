package com.channelexpansion.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads and checks the reference data under {@code --reference} (PRODUCT.md, "Reference data"):
 * {@code accounts.csv}, {@code reps.csv}, {@code quotas.csv} and {@code fx_rates.csv}. Read rules
 * are those of {@link ConfigCsvFile}; every problem is a {@link ConfigurationException}
 * "file line N: problem" thrown before any order data is read.
 *
 * <p>Ids (customer_id, rep_id) are case-sensitive and unique; empty names, owners, teams and
 * regions read as null. {@code HOUSE} is reserved for uncredited revenue and cannot be a rep_id.
 * An owner or quota for a rep that reps.csv does not list is not an error here (crediting turns
 * unknown reps into HOUSE with a warning). reps.csv may have an {@code aliases} column, the
 * rep's other names in the sources ({@link RepAliases}). Quotas: one per (rep_id, month
 * yyyy-MM); any amount (0 or negative means no quota). FX rates: one per (rate_date, currency);
 * currency codes ignore case and are upper-cased; rates are above 0, up to 10 decimals, below
 * 10^10 (DECIMAL(20,10)). The reporting currency's rate is always 1: a row for it is accepted
 * only with rate 1, so a file that claims otherwise fails instead of being silently overruled.
 */
public final class ReferenceDataLoader {

  public static final String ACCOUNTS_FILE = "accounts.csv";
  public static final String REPS_FILE = "reps.csv";
  public static final String QUOTAS_FILE = "quotas.csv";
  public static final String FX_RATES_FILE = "fx_rates.csv";

  /** The rep id that collects revenue credited to no known rep. */
  public static final String HOUSE = "HOUSE";

  private static final BigDecimal FX_RATE_LIMIT = BigDecimal.TEN.pow(10);

  private ReferenceDataLoader() {}

  /**
   * Like {@link #load(Path, String)} but without the reporting-currency check on fx_rates.csv
   * (a row for the reporting currency with a rate other than 1 is then not caught here). Prefer
   * the two-argument form; this one exists for callers that load reference data before
   * settings.
   */
  public static ReferenceData load(Path referenceDir) {
    return load(referenceDir, null);
  }

  /**
   * Reads and checks the four reference files of {@code referenceDir}.
   *
   * @param reportingCurrency the settings' reporting currency, whose rate must be 1 (any case;
   *     null skips that check)
   * @throws ConfigurationException naming the file, line and problem of the first error found
   */
  public static ReferenceData load(Path referenceDir, String reportingCurrency) {
    List<Account> accounts =
        accounts(
            ConfigCsvFile.read(
                referenceDir.resolve(ACCOUNTS_FILE),
                List.of("customer_id", "customer_name", "owner_rep_id", "region")));
    List<Rep> reps =
        reps(
            ConfigCsvFile.read(
                referenceDir.resolve(REPS_FILE), List.of("rep_id", "rep_name", "team", "region")));
    List<Quota> quotas =
        quotas(
            ConfigCsvFile.read(
                referenceDir.resolve(QUOTAS_FILE), List.of("rep_id", "month", "quota_amount")));
    List<FxRate> fxRates =
        fxRates(
            ConfigCsvFile.read(
                referenceDir.resolve(FX_RATES_FILE),
                List.of("rate_date", "currency", "rate_to_reporting")),
            reportingCurrency);
    return new ReferenceData(accounts, reps, quotas, fxRates);
  }

  static List<Account> accounts(ConfigCsvFile file) {
    List<Account> accounts = new ArrayList<>();
    Map<Object, Long> firstLine = new HashMap<>();
    for (ConfigRow row : file.rows()) {
      String customerId = row.requiredText("customer_id");
      unique(row, firstLine, customerId, "customer_id " + customerId);
      accounts.add(
          new Account(
              customerId,
              row.optionalText("customer_name"),
              row.optionalText("owner_rep_id"),
              row.optionalText("region")));
    }
    return List.copyOf(accounts);
  }

  static List<Rep> reps(ConfigCsvFile file) {
    List<Rep> reps = new ArrayList<>();
    Map<Object, Long> firstLine = new HashMap<>();
    for (ConfigRow row : file.rows()) {
      String repId = row.requiredText("rep_id");
      if (HOUSE.equals(repId)) {
        throw row.problem(
            "rep_id HOUSE is reserved for revenue credited to no rep; give the rep another id");
      }
      unique(row, firstLine, repId, "rep_id " + repId);
      reps.add(
          new Rep(
              repId,
              row.optionalText("rep_name"),
              row.optionalText("team"),
              row.optionalText("region"),
              RepAliases.of(row)));
    }
    RepAliases.check(file.rows(), reps);
    return List.copyOf(reps);
  }

  static List<Quota> quotas(ConfigCsvFile file) {
    List<Quota> quotas = new ArrayList<>();
    Map<Object, Long> firstLine = new HashMap<>();
    for (ConfigRow row : file.rows()) {
      String repId = row.requiredText("rep_id");
      String month = row.requiredMonth("month");
      BigDecimal amount = row.requiredDecimal("quota_amount", DecimalText.DEFAULT_MAX_SCALE);
      unique(row, firstLine, List.of(repId, month), "quota for rep_id " + repId + " and month " + month);
      quotas.add(new Quota(repId, month, amount));
    }
    return List.copyOf(quotas);
  }

  static List<FxRate> fxRates(ConfigCsvFile file, String reportingCurrency) {
    String reporting =
        reportingCurrency == null ? null : reportingCurrency.trim().toUpperCase(Locale.ROOT);
    List<FxRate> rates = new ArrayList<>();
    Map<Object, Long> firstLine = new HashMap<>();
    for (ConfigRow row : file.rows()) {
      LocalDate date = row.requiredDate("rate_date");
      String currency = row.requiredCode("currency");
      if (!DefinitionsLoader.CURRENCY.matcher(currency).matches()) {
        throw row.problem(
            "currency " + ConfigRow.quote(row.text("currency"))
                + " is not a currency code (expected 3 letters, e.g. EUR)");
      }
      BigDecimal rate = row.requiredDecimal("rate_to_reporting", DecimalText.FX_RATE_MAX_SCALE);
      String rateText = row.text("rate_to_reporting");
      if (rate.signum() <= 0) {
        throw row.problem("rate_to_reporting " + rateText + " must be greater than 0");
      }
      if (rate.compareTo(FX_RATE_LIMIT) >= 0) {
        throw row.problem("rate_to_reporting " + rateText + " is too large (below 10^10)");
      }
      if (currency.equals(reporting) && rate.compareTo(BigDecimal.ONE) != 0) {
        throw row.problem(
            currency + " is the reporting currency: its rate is always 1 (found " + rateText
                + "; delete the row or write 1)");
      }
      unique(row, firstLine, List.of(date, currency), "rate for " + currency + " on " + date);
      rates.add(new FxRate(date, currency, rate));
    }
    return List.copyOf(rates);
  }

  /** Fails when {@code key} was already seen; otherwise remembers this row's line for it. */
  private static void unique(ConfigRow row, Map<Object, Long> firstLine, Object key, String what) {
    Long first = firstLine.putIfAbsent(key, row.line());
    if (first != null) {
      throw row.problem("duplicate " + what + " (first on line " + first + ")");
    }
  }
}
