package com.channelexpansion.pages;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the {@link PageView} of a page from its model: formatting only, no new numbers. */
final class PageViews {
  private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private PageViews() {}

  /**
   * @param teamLinks file name of each team's page, relative to this page (empty on a team page)
   * @param assets the inlined style and scripts; its pageData is replaced by this page's data
   */
  static PageView of(PageModel page, Map<String, String> teamLinks, PageView.Assets assets) {
    List<String> months = MonthlyTables.window(YearMonth.from(page.asOf()));
    List<ChartSpec> charts = PageCharts.of(page, months);
    List<Headline.Card> cards = Headline.cards(page.summary(), page.reportingCurrency());
    List<PageView.Link> links = new ArrayList<>();
    teamLinks.forEach((team, href) -> links.add(new PageView.Link(team, href)));
    String heading = page.isTeamPage() ? "Team " + page.title() : page.title();
    return new PageView(
        heading + " · channel expansion as of " + page.asOf(),
        heading,
        AS_OF.format(page.asOf()),
        page.reportingCurrency(),
        page.isTeamPage(),
        page.isTeamPage() ? "../report.html" : null,
        Headline.sentence(cards),
        cards,
        TableView.of(page.summary()),
        TableView.of(page.channelDefinitions()),
        chart(charts, PageCharts.REVENUE, "month"),
        chart(charts, PageCharts.ONLINE_SHARE, "month"),
        chart(charts, PageCharts.NEW_CUSTOMERS, "month"),
        TableView.of(page.stateTransitions()),
        chart(charts, PageCharts.TEAMS, "team"),
        TableView.of(TeamsSideBySide.pivot(page.teamSummary()), teamLinks, "team"),
        TableView.of(page.teamSummary(), teamLinks, "team"),
        chart(charts, PageCharts.COMMISSION, "rep"),
        TableView.of(CommissionOrder.ranked(page.commissionScenarios())),
        chart(charts, PageCharts.PILOTS, "pilot · metric"),
        TableView.of(page.pilotComparison()),
        links,
        new PageView.Assets(
            assets.css(), assets.chartLibrary(), assets.chartScript(), PageData.json(page, months, charts)));
  }

  private static PageView.Chart chart(List<ChartSpec> charts, String id, String categoryLabel) {
    for (ChartSpec chart : charts) {
      if (chart.id().equals(id)) {
        return new PageView.Chart(id, chart.title(), heightPx(chart), TableView.of(chart, categoryLabel));
      }
    }
    return null;
  }

  /** Horizontal bars get a row each (every rep shows); other charts a fixed height. */
  private static int heightPx(ChartSpec chart) {
    return chart.kind().equals("hbar") ? Math.max(240, 80 + 22 * chart.categories().size()) : 320;
  }
}
