package com.channelexpansion.pages;

import com.channelexpansion.io.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's data as JSON, embedded in {@code <script type="application/json" id="page-data">}:
 * every table of the page cell for cell (so a test can compare it with the CSVs) and the chart
 * series the page's script draws (each value a cell of those tables).
 */
final class PageData {
  /** Names of the tables in the JSON, keyed like the CSV or Parquet output they come from. */
  static final String SUMMARY = "summary";
  static final String CHANNEL_DEFINITIONS = "channel_definitions";
  static final String REVENUE_MONTHLY = "revenue_monthly";
  static final String ONLINE_SHARE_MONTHLY = "online_share_monthly";
  static final String NEW_CUSTOMERS_MONTHLY = "new_customers_monthly";
  static final String STATE_TRANSITIONS = "state_transitions";
  static final String TEAM_SUMMARY = "team_summary";
  static final String COMMISSION_SCENARIOS = "commission_scenarios";
  static final String PILOT_COMPARISON = "pilot_comparison";

  private PageData() {}

  static Map<String, PageTable> tables(PageModel page, List<String> months) {
    Map<String, PageTable> tables = new LinkedHashMap<>();
    tables.put(SUMMARY, page.summary());
    tables.put(CHANNEL_DEFINITIONS, page.channelDefinitions());
    tables.put(REVENUE_MONTHLY, page.revenueMonthly());
    tables.put(ONLINE_SHARE_MONTHLY, OnlineShare.byMonth(page.revenueMonthly(), months));
    tables.put(NEW_CUSTOMERS_MONTHLY, page.newCustomersMonthly());
    tables.put(STATE_TRANSITIONS, page.stateTransitions());
    tables.put(TEAM_SUMMARY, page.teamSummary());
    tables.put(COMMISSION_SCENARIOS, page.commissionScenarios());
    tables.put(PILOT_COMPARISON, page.pilotComparison());
    return tables;
  }

  /** The JSON document, safe inside a script element (no {@code <}, {@code >} or {@code &} left raw). */
  static String json(PageModel page, List<String> months, List<ChartSpec> charts) {
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("title", page.title());
    about.put("team", page.team());
    about.put("as_of", page.asOf().toString());
    about.put("currency", page.reportingCurrency());
    about.put("months", months);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("page", about);
    document.put("tables", tables(page, months));
    document.put("charts", charts);
    try {
      return forScript(Json.COMPACT.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write the page data as JSON: " + e.getMessage(), e);
    }
  }

  /** JSON escapes that keep the text from closing the script element; JSON.parse reads them back. */
  static String forScript(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
