package com.channelexpansion.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * Valid definition and reference files as sales ops would save them from Excel (UTF-8 BOM, CRLF,
 * headers in mixed case, extra columns), and helpers to break one file at a time.
 */
final class ConfigFixtures {

  static final String BOM = "\uFEFF";

  /** Line 1 is the header: the first data row is line 2. */
  static Map<String, String> validConfig() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "settings.csv",
        lines(
            " Key , VALUE ,Notes",
            "reporting_currency, usd ,",
            "Time_Zone,Europe/Paris,",
            "program_start,2024-01-01,digital program launch",
            "max_reject_ratio,0.01,",
            "quote_converts_to_assisted,No,",
            "baseline_plan,STD-2024,"));
    files.put(
        "channel-definitions.csv",
        lines(
            "ORDER_SOURCE,Channel_Group,Definition,Owner",
            "web,online,\"Orders placed on the web shop, by the customer\",ecom",
            "EDI,Online,Orders sent by the customer's ERP,",
            "\tPhone ,SALES_ASSISTED,\"A rep keyed the order in \"\"by phone\"\"\",sales"));
    files.put(
        "commission-plans.csv",
        lines(
            "PLAN_ID,Effective_From,effective_to,order_channel,segment,rate,counts_toward_quota,comment",
            "STD-2024,,2024-12-31,*,*,0.02,yes,",
            "STD-2024,2025-01-01,,*,*,0.025,YES,raise",
            "STD-2024,,,online,new_online,0.05,1,",
            "ALT,2024-01-01,,ONLINE,*,0.01,false,",
            "ALT,2024-01-01,,SALES_ASSISTED,*,0.03,,"));
    files.put(
        "commission-tiers.csv",
        lines(
            "plan_id,MIN_ATTAINMENT,Multiplier",
            "STD-2024,0,1",
            "STD-2024,1.0,1.5",
            "STD-2024,0.5,1.0",
            "ALT,1.2,2.0000"));
    return files;
  }

  static Map<String, String> validReference() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "accounts.csv",
        lines(
            "Customer_ID,customer_name,OWNER_REP_ID,region,segment_hint",
            "C001,Acme GmbH,R1,EMEA,x",
            "c001,Acme lower-case id,,  ,"));
    files.put(
        "reps.csv",
        lines("REP_ID,Rep_Name,team,region", "R1,Ann Example,Team A,EMEA", "R2,Bob Example,,"));
    files.put(
        "quotas.csv",
        lines(
            "rep_id,Month,quota_amount",
            "R1,2024-07,10000",
            "R1,2024-08,12000.50",
            "R2,2024-07,0"));
    files.put(
        "fx_rates.csv",
        lines(
            "rate_date,currency,rate_to_reporting",
            "2024-01-01,eur,1.0812345678",
            "2024-01-01,USD,1",
            "2024-01-02,EUR,1.09"));
    return files;
  }

  /** A file's text: BOM, then the lines each ended by CRLF. */
  static String lines(String... lines) {
    return BOM + String.join("\r\n", lines) + "\r\n";
  }

  static Path write(Path dir, Map<String, String> files) {
    try {
      Files.createDirectories(dir);
      for (var file : files.entrySet()) {
        Files.write(dir.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Valid files with one replaced. */
  static Map<String, String> with(Map<String, String> files, String name, String text) {
    Map<String, String> copy = new LinkedHashMap<>(files);
    copy.put(name, text);
    return copy;
  }

  /**
   * Asserts that {@code load} fails with a message starting {@code "<file> line <line>: "} and
   * containing {@code problem}; returns the message.
   */
  static String assertProblem(Executable load, String file, long line, String problem) {
    ConfigurationException e = assertThrows(ConfigurationException.class, load);
    String message = e.getMessage();
    assertTrue(
        message.startsWith(file + " line " + line + ": "),
        () -> "expected a message starting '" + file + " line " + line + ": ' but got: " + message);
    assertTrue(
        message.contains(problem),
        () -> "expected the message to contain '" + problem + "' but got: " + message);
    return message;
  }

  private ConfigFixtures() {}
}
