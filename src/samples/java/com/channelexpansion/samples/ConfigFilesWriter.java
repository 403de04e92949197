package com.channelexpansion.samples;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the definitions sales ops edit (config/): settings, channel definitions, the two
 * commission plans ({@code current}: no credit for online orders; {@code proposed}: reps keep
 * credit for their accounts' online orders) and their tiers. CRLF line ends, as Excel saves them.
 */
final class ConfigFilesWriter {

  /** order_source, channel_group, definition. EDI is set up by sales, hence SALES_ASSISTED. */
  static final List<List<?>> CHANNEL_DEFINITIONS =
      List.of(
          List.of("WEB", "ONLINE", "Order placed by the customer on the web shop, without a rep."),
          List.of("MOBILE_APP", "ONLINE", "Order placed by the customer in the mobile ordering app."),
          List.of(
              "PUNCHOUT",
              "ONLINE",
              "Order sent from the customer's procurement system through a punchout catalog."),
          List.of(
              "EDI",
              "SALES_ASSISTED",
              "Machine-to-machine order over an EDI link, set up and maintained by the account's rep."),
          List.of("PHONE", "SALES_ASSISTED", "Order taken by phone by a rep or inside sales."),
          List.of("EMAIL", "SALES_ASSISTED", "Order emailed to a rep, who keys it in."),
          List.of("FIELD_REP", "SALES_ASSISTED", "Order written by a field rep, on site or by visit."));

  private ConfigFilesWriter() {}

  static void write(Path configDir, SampleCalendar calendar) {
    CsvTables.write(
        configDir.resolve("settings.csv"),
        CsvTables.EXCEL,
        List.of("key", "value"),
        List.of(
            List.of("reporting_currency", "USD"),
            List.of("time_zone", SampleCalendar.ZONE.getId()),
            List.of("program_start", calendar.programStart().toString()),
            List.of("max_reject_ratio", "0.005"),
            List.of("quote_converts_to_assisted", "true"),
            List.of("baseline_plan", "current")));
    CsvTables.write(
        configDir.resolve("channel-definitions.csv"),
        CsvTables.EXCEL,
        List.of("order_source", "channel_group", "definition"),
        CHANNEL_DEFINITIONS);
    CsvTables.write(
        configDir.resolve("commission-plans.csv"),
        CsvTables.EXCEL,
        List.of(
            "plan_id", "effective_from", "effective_to", "order_channel", "segment", "rate",
            "counts_toward_quota"),
        List.of(
            List.of("current", "", "", "SALES_ASSISTED", "*", "0.05", "true"),
            List.of("current", "", "", "ONLINE", "*", "0", "false"),
            List.of("proposed", "", "", "SALES_ASSISTED", "*", "0.05", "true"),
            List.of("proposed", "", "", "ONLINE", "*", "0.02", "true"),
            List.of("proposed", "", "", "ONLINE", "NEW_ONLINE", "0.01", "false")));
    CsvTables.write(
        configDir.resolve("commission-tiers.csv"),
        CsvTables.EXCEL,
        List.of("plan_id", "min_attainment", "multiplier"),
        List.of(
            List.of("current", "0", "1.0"),
            List.of("current", "1.0", "1.25"),
            List.of("current", "1.5", "1.5"),
            List.of("proposed", "0", "1.0"),
            List.of("proposed", "1.0", "1.25"),
            List.of("proposed", "1.5", "1.5")));
  }
}
