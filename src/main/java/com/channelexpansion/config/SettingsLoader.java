package com.channelexpansion.config;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * settings.csv: key,value rows, keys case-insensitive and each at most once; every setting has
 * a default except program_start (docs/configuration.md lists each key, its default and errors).
 */
final class SettingsLoader {
  static final String REPORTING_CURRENCY = "reporting_currency";
  static final String TIME_ZONE = "time_zone";
  static final String PROGRAM_START = "program_start";
  static final String MAX_REJECT_RATIO = "max_reject_ratio";
  static final String QUOTE_CONVERTS_TO_ASSISTED = "quote_converts_to_assisted";
  static final String BASELINE_PLAN = "baseline_plan";
  static final String DIGITAL_FIRST_SHARE = "digital_first_share";
  static final String STATE_WINDOW_MONTHS = "state_window_months";
  static final List<String> SETTING_KEYS =
      List.of(
          REPORTING_CURRENCY,
          TIME_ZONE,
          PROGRAM_START,
          MAX_REJECT_RATIO,
          QUOTE_CONVERTS_TO_ASSISTED,
          BASELINE_PLAN,
          DIGITAL_FIRST_SHARE,
          STATE_WINDOW_MONTHS);


  private SettingsLoader() {}

  static Settings settings(ConfigCsvFile file) {
    Map<String, ConfigRow> byKey = new HashMap<>();
    for (ConfigRow row : file.rows()) {
      String key = row.requiredText("key").toLowerCase(Locale.ROOT);
      if (!SETTING_KEYS.contains(key)) {
        throw row.problem(
            "unknown setting " + ConfigRow.quote(row.text("key")) + " (known settings: "
                + String.join(", ", SETTING_KEYS) + ")");
      }
      ConfigRow first = byKey.putIfAbsent(key, row);
      if (first != null) {
        throw row.problem("duplicate setting " + key + " (first set on line " + first.line() + ")");
      }
    }
    String currency = settingValue(byKey, REPORTING_CURRENCY);
    if (currency == null) {
      currency = DefinitionsLoader.DEFAULT_REPORTING_CURRENCY;
    } else {
      currency = currency.toUpperCase(Locale.ROOT);
      if (!DefinitionsLoader.CURRENCY.matcher(currency).matches()) {
        throw byKey.get(REPORTING_CURRENCY).problem(
            "reporting_currency " + ConfigRow.quote(currency)
                + " is not a currency code (expected 3 letters, e.g. USD)");
      }
    }
    String zoneText = settingValue(byKey, TIME_ZONE);
    ZoneId zone = zoneText == null ? DefinitionsLoader.DEFAULT_TIME_ZONE : zone(byKey.get(TIME_ZONE), zoneText);
    String startText = settingValue(byKey, PROGRAM_START);
    if (startText == null) {
      String problem =
          "program_start is not set: it has no default (give the date the digital program"
              + " launched, " + ConfigRow.DATE_HINT + ")";
      throw byKey.containsKey(PROGRAM_START)
          ? byKey.get(PROGRAM_START).problem(problem)
          : file.problem(problem);
    }
    LocalDate programStart = ConfigRow.parseDate(startText);
    if (programStart == null) {
      throw byKey.get(PROGRAM_START).problem(
          "program_start " + ConfigRow.quote(startText) + " is not a date ("
              + ConfigRow.DATE_HINT + ")");
    }
    String ratioText = settingValue(byKey, MAX_REJECT_RATIO);
    BigDecimal maxRejectRatio = DefinitionsLoader.DEFAULT_MAX_REJECT_RATIO;
    if (ratioText != null) {
      ConfigRow row = byKey.get(MAX_REJECT_RATIO);
      String why = DecimalText.problem(ratioText, DecimalText.DEFAULT_MAX_SCALE);
      if (why != null) {
        throw row.problem("max_reject_ratio " + ConfigRow.quote(ratioText) + " " + why);
      }
      maxRejectRatio = new BigDecimal(ratioText);
      if (maxRejectRatio.signum() < 0 || maxRejectRatio.compareTo(BigDecimal.ONE) > 0) {
        throw row.problem(
            "max_reject_ratio " + ratioText
                + " must be between 0 and 1 (a fraction of rows read: 0.005 = 0.5%)");
      }
    }
    String quoteText = settingValue(byKey, QUOTE_CONVERTS_TO_ASSISTED);
    boolean quoteConverts = DefinitionsLoader.DEFAULT_QUOTE_CONVERTS_TO_ASSISTED;
    if (quoteText != null) {
      Boolean parsed = ConfigRow.parseBoolean(quoteText);
      if (parsed == null) {
        throw byKey.get(QUOTE_CONVERTS_TO_ASSISTED).problem(
            "quote_converts_to_assisted " + ConfigRow.quote(quoteText)
                + " is not true/false (also accepted: yes/no, 1/0)");
      }
      quoteConverts = parsed;
    }
    String baselinePlan = settingValue(byKey, BASELINE_PLAN);
    return new Settings(
        currency,
        zone,
        programStart,
        maxRejectRatio,
        quoteConverts,
        baselinePlan,
        ChannelStateSettings.digitalFirstShare(byKey.get(DIGITAL_FIRST_SHARE)),
        ChannelStateSettings.stateWindowMonths(byKey.get(STATE_WINDOW_MONTHS)));
  }

  /** The trimmed value of a setting, or null when the key is absent or its value empty. */
  private static String settingValue(Map<String, ConfigRow> byKey, String key) {
    ConfigRow row = byKey.get(key);
    return row == null ? null : row.optionalText("value");
  }

  private static ZoneId zone(ConfigRow row, String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      for (String id : ZoneId.getAvailableZoneIds()) {
        if (id.equalsIgnoreCase(text)) {
          return ZoneId.of(id);
        }
      }
      throw row.problem(
          "time_zone " + ConfigRow.quote(text)
              + " is not a time zone (expected a zone id such as UTC, Europe/Paris or America/New_York)");
    }
  }

  static void checkBaselinePlan(ConfigCsvFile settingsFile, Settings settings, Set<String> planIds) {
    String baseline = settings.baselinePlan();
    if (baseline == null || planIds.contains(baseline)) {
      return;
    }
    ConfigRow row =
        settingsFile.rows().stream()
            .filter(r -> r.text("key").equalsIgnoreCase(BASELINE_PLAN))
            .findFirst()
            .orElseThrow();
    throw row.problem(
        "baseline_plan " + ConfigRow.quote(baseline) + " is not a plan of " + DefinitionsLoader.COMMISSION_PLANS_FILE
            + " (plans: " + (planIds.isEmpty() ? "none" : String.join(", ", planIds))
            + "; plan ids are case-sensitive)");
  }
}
