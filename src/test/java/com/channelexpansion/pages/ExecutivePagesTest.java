package com.channelexpansion.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executive pages written from the samples' tables: the page data holds every CSV cell as
 * written, team pages hold their team's rows, nothing is loaded from outside, nothing personal.
 */
class ExecutivePagesTest {
  @TempDir static Path dir;
  static List<String> written;
  static RenderedPage company;
  static RenderedPage team;

  @BeforeAll
  static void writePages() throws IOException {
    List<PageModel> teams = SamplePages.teams().stream().map(SamplePages::team).toList();
    written = ExecutivePages.write(
        SamplePages.company(), teams, new org.apache.hadoop.fs.Path(dir.toUri()), localFs());
    company = RenderedPage.read(dir.resolve("report.html"));
    team = RenderedPage.read(dir.resolve("teams/north-field.html"));
  }

  /** The local file system as the job sets it up (SparkSessions): no .crc files beside outputs. */
  static FileSystem localFs() throws IOException {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    fs.setWriteChecksum(false);
    return fs;
  }

  @Test
  void writesTheCompanyPageThenOnePagePerTeamInCodePointOrder() {
    assertEquals(
        List.of("report.html", "teams/east-field.html", "teams/house.html", "teams/inside-sales.html",
            "teams/key-accounts.html", "teams/north-field.html", "teams/south-field.html", "teams/west-field.html"),
        written);
    for (String file : written) {
      assertTrue(Files.isRegularFile(dir.resolve(file)), file + " is on disk");
    }
  }

  @Test
  void companyPageDataHoldsEveryCsvCellAsWritten() {
    Map<String, String> csvOf = Map.of(
        PageData.SUMMARY, "executive_summary.csv",
        PageData.CHANNEL_DEFINITIONS, "channel_definitions.csv",
        PageData.REVENUE_MONTHLY, "revenue_by_segment_channel.csv",
        PageData.NEW_CUSTOMERS_MONTHLY, "new_customers_by_channel.csv",
        PageData.STATE_TRANSITIONS, "state_transitions.csv",
        PageData.TEAM_SUMMARY, "team_summary.csv",
        PageData.COMMISSION_SCENARIOS, "commission_scenarios.csv",
        PageData.PILOT_COMPARISON, "pilot_comparison.csv");
    csvOf.forEach((table, csv) -> assertEquals(SamplePages.csv(csv), company.table(table), table + " vs " + csv));
  }

  @Test
  void teamPageDataHoldsTheTeamsRowsOnly() {
    PageTable teamSummary = team.table(PageData.TEAM_SUMMARY);
    assertEquals(SamplePages.csv("team_summary.csv").whereEquals("team", "North Field"), teamSummary);
    assertEquals(List.of("North Field"), teamSummary.distinct("team"));
    PageTable commission = team.table(PageData.COMMISSION_SCENARIOS);
    assertEquals(List.of("R001", "R002", "R003"), commission.distinct("rep_id"));
    assertEquals("North Field", team.data().path("page").path("team").asText());
  }

  @Test
  void chartValuesAreCellsOfThePageTables() {
    JsonNode revenue = company.chart(PageCharts.REVENUE);
    assertEquals(24, revenue.path("categories").size());
    assertEquals("2024-11", revenue.path("categories").get(0).asText());
    JsonNode existingOnline = revenue.path("series").get(0);
    assertEquals("EXISTING · ONLINE", existingOnline.path("name").asText());
    assertEquals("25427.80", existingOnline.path("values").get(0).asText());
    PageTable share = company.table(PageData.ONLINE_SHARE_MONTHLY);
    assertEquals(List.of("2024-11", "25427.80", "2735590.69", "0.0093"), share.rows().get(0));
  }

  @Test
  void everyRepOfCommissionScenariosIsShownRankedByGain() {
    PageTable scenarios = SamplePages.csv("commission_scenarios.csv");
    JsonNode chart = company.chart(PageCharts.COMMISSION);
    assertEquals(scenarios.rows().size(), chart.path("categories").size(), "nobody hidden");
    for (List<String> row : scenarios.rows()) {
      assertTrue(company.html().contains(">" + row.get(0) + "</td>"), row.get(0) + " is in the table");
    }
    List<Double> deltas = new ArrayList<>();
    chart.path("series").get(0).path("values").forEach(v -> deltas.add(Double.parseDouble(v.asText())));
    List<Double> sorted = new ArrayList<>(deltas);
    sorted.sort((a, b) -> Double.compare(b, a));
    assertEquals(sorted, deltas, "biggest gain first");
  }

  @Test
  void headlineSaysTheWhyInOneLineWithThousandsSeparators() {
    Matcher why = Pattern.compile("<p class=\"why\" id=\"why\">([^<]*)</p>").matcher(company.html());
    assertTrue(why.find(), "the page has its one line");
    assertEquals(
        "In the last 12 months online brought 427 new customers (+527.94%) and USD 2,996,077.28 of new"
            + " revenue (+1,652.16%); existing customers moved USD 7,983,336.59 online (+419.61%) while"
            + " core sales were USD 25,056,307.21 (-23.91%), each against the year earlier.",
        why.group(1));
    assertTrue(company.html().contains("year earlier: USD 32,930,057.86"));
  }

  @Test
  void nothingIsLoadedFromOutsideThePage() throws IOException {
    Pattern loads = Pattern.compile(
        "(?i)(<script[^>]*\\ssrc=|<link[^>]*\\shref=|<img[^>]*\\ssrc=|<iframe|<object|<embed|@import|url\\(|"
            + "(src|href)\\s*=\\s*['\"]?(https?:)?//)");
    // Addresses the chart library names but never fetches: SVG namespaces and its licence's.
    Pattern notFetched = Pattern.compile(
        "https?://(www\\.w3\\.org/|www\\.apache\\.org/licenses/|github\\.com/ecomfe/zrender/blob/master/LICENSE\\.txt)");
    Pattern scripts = Pattern.compile("(?is)(<script[^>]*>)(.*?)</script>");
    for (String file : written) {
      String html = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
      String markup = scripts.matcher(html).replaceAll("$1</script>");
      Matcher found = loads.matcher(markup);
      assertFalse(found.find(), () -> file + " loads something: " + found.group());
      Matcher script = scripts.matcher(html);
      while (script.find()) {
        Matcher address = Pattern.compile("https?://[^\\s'\"]*").matcher(script.group(2));
        while (address.find()) {
          String url = address.group();
          assertTrue(notFetched.matcher(url).lookingAt(), () -> file + " script names " + url);
        }
      }
    }
  }

  @Test
  void noCustomerNameOrEmailIsOnAnyPage() throws IOException {
    Pattern email = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    List<String> customerNames = SampleAccounts.customerNames();
    assertTrue(customerNames.size() > 100, "the samples' accounts were read");
    for (String file : written) {
      String html = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
      String text = html.substring(0, html.indexOf("<script>")); // the page, not the chart library
      Matcher found = email.matcher(text);
      assertFalse(found.find(), () -> file + " shows an e-mail address: " + found.group());
      for (String name : customerNames) {
        assertFalse(text.contains(name), file + " names customer " + name);
      }
    }
  }

  @Test
  void textThatLooksLikeMarkupStaysText() throws IOException {
    PageModel base = SamplePages.company();
    PageTable hostile = new PageTable(
        base.channelDefinitions().header(),
        List.of(List.of("WEB", "ONLINE", "</script><script>alert(1)</script> & <b>bold</b>")));
    PageModel page = new PageModel(base.title(), null, base.asOf(), "USD", base.summary(), hostile,
        base.revenueMonthly(), base.newCustomersMonthly(), base.stateTransitions(), base.teamSummary(),
        base.commissionScenarios(), base.pilotComparison());
    Path folder = Files.createDirectories(dir.resolve("hostile"));
    ExecutivePages.write(page, List.of(), new org.apache.hadoop.fs.Path(folder.toUri()), localFs());
    RenderedPage rendered = RenderedPage.read(folder.resolve("report.html"));
    assertEquals(hostile, rendered.table(PageData.CHANNEL_DEFINITIONS), "the JSON reads back the text as written");
    assertEquals(3, rendered.html().split("<script", -1).length - 1, "no script element was injected");
    assertTrue(rendered.html().contains("&lt;b&gt;bold&lt;/b&gt;"), "the table shows the text escaped");
  }

  @Test
  void refusesATeamModelOnTheCompanyPageAndTwoModelsOfOneTeam() {
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(dir.resolve("refused").toUri());
    assertThrows(IllegalArgumentException.class,
        () -> ExecutivePages.write(SamplePages.team("HOUSE"), List.of(), folder, localFs()));
    assertThrows(IllegalArgumentException.class,
        () -> ExecutivePages.write(SamplePages.company(),
            List.of(SamplePages.team("HOUSE"), SamplePages.team("HOUSE")), folder, localFs()));
  }
}
