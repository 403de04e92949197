package com.channelexpansion.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Page models for tests, from src/test/resources/pages/samples/: executive_summary.csv,
 * channel_definitions.csv and commission_scenarios.csv as the data-samples night of 2026-10-31
 * wrote them, the monthly tables aggregated from its Parquet, and hand-made value-case tables
 * (team_summary, state_transitions, pilot_comparison) with PRODUCT.md's columns (see the
 * folder's README.md).
 */
final class SamplePages {
  static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
  static final String TEAM = "North Field";

  private SamplePages() {}

  /** A sample CSV as the page table the report would build from the same rows. */
  static PageTable csv(String name) {
    String resource = "pages/samples/" + name;
    try (InputStream in = SamplePages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
      return new PageTable(parser.getHeaderNames(), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PageModel company() {
    return new PageModel(
        "Channel expansion", null, AS_OF, "USD",
        csv("executive_summary.csv"),
        csv("channel_definitions.csv"),
        csv("revenue_by_segment_channel.csv"),
        csv("new_customers_by_channel.csv"),
        csv("state_transitions.csv"),
        csv("team_summary.csv"),
        csv("commission_scenarios.csv"),
        csv("pilot_comparison.csv"));
  }

  /** The team's page: its team_summary rows, its reps' commission rows, its monthly tables. */
  static PageModel team(String team) {
    PageTable teamSummary = csv("team_summary.csv").whereEquals("team", team);
    PageTable summary = new PageTable(
        teamSummary.header().subList(1, teamSummary.header().size()),
        teamSummary.rows().stream().map(row -> row.subList(1, row.size())).toList());
    return new PageModel(
        team, team, AS_OF, "USD",
        summary,
        csv("channel_definitions.csv"),
        csv("team_revenue_by_segment_channel.csv"),
        csv("team_new_customers_by_channel.csv"),
        PageTable.empty(csv("state_transitions.csv").header()),
        teamSummary,
        csv("commission_scenarios.csv").where(row -> repsOf(team).contains(row.get(0))),
        csv("pilot_comparison.csv"));
  }

  static List<String> teams() {
    return csv("team_summary.csv").distinct("team");
  }

  static Set<String> repsOf(String team) {
    return csv("rep_teams.csv").whereEquals("team", team).rows().stream()
        .map(row -> row.get(0)).collect(Collectors.toSet());
  }
}
