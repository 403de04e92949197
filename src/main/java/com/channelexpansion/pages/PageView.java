package com.channelexpansion.pages;

import java.util.List;

/**
 * What the template (pages/page.mustache) fills in: texts already formatted, tables as
 * {@link TableView}s, each chart with its text alternative. A null chart is a section whose table
 * has no rows.
 */
record PageView(
    String title,
    String heading,
    String asOf,
    String currency,
    boolean teamPage,
    String companyHref,
    String headline,
    List<Headline.Card> cards,
    TableView summary,
    TableView definitions,
    Chart revenueChart,
    Chart onlineShareChart,
    Chart newCustomersChart,
    TableView transitions,
    Chart teamsChart,
    TableView teamsSideBySide,
    TableView teamSummary,
    Chart commissionChart,
    TableView commission,
    Chart pilotsChart,
    TableView pilots,
    List<Link> teamLinks,
    Assets assets) {

  /** A chart container and the table under it that says the same in text. */
  record Chart(String id, String title, int heightPx, TableView textAlternative) {}

  /** A link to a team's page. */
  record Link(String name, String href) {}

  /** What is inlined so the page needs nothing else: style, chart library, script, data. */
  record Assets(String css, String chartLibrary, String chartScript, String pageData) {}
}
