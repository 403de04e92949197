package com.channelexpansion.pages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes the executive pages of one as-of folder (PRODUCT.md, "The executive pages"):
 * {@code report.html} for the company and {@code teams/<team>.html} per team (names from
 * {@link TeamFileNames}), each a single self-contained HTML file: style, chart library, script and
 * data inlined, nothing loaded from anywhere else.
 *
 * <p>Call it on the report's staging folder before {@code _SUCCESS}, with models filled from the
 * rows the report writes to its CSVs, and list the returned files in manifest.json. Files are
 * created, not overwritten: a staging folder is new for every run.
 */
public final class ExecutivePages {
  public static final String COMPANY_PAGE = "report.html";
  public static final String TEAMS_FOLDER = "teams";

  private ExecutivePages() {}

  /**
   * Writes the company page and one page per team into {@code asOfFolder}.
   *
   * @param company the company page's model ({@link PageModel#team()} null)
   * @param teams one model per team (each with its team set)
   * @return the files written, relative to {@code asOfFolder}, company page first, then the team
   *     pages in code point order of team names
   * @throws IllegalArgumentException when a model is on the wrong side (company with a team, a team
   *     page without one) or two team models name the same team
   */
  public static List<String> write(PageModel company, List<PageModel> teams, Path asOfFolder, FileSystem fs)
      throws IOException {
    Map<String, PageModel> byTeam = byTeam(company, teams);
    Map<String, String> fileNames = TeamFileNames.assign(new ArrayList<>(byTeam.keySet()));
    Map<String, String> companyLinks = new LinkedHashMap<>();
    fileNames.forEach((team, file) -> companyLinks.put(team, TEAMS_FOLDER + "/" + file));

    PageRenderer renderer = new PageRenderer();
    List<String> written = new ArrayList<>();
    writeFile(fs, new Path(asOfFolder, COMPANY_PAGE), renderer.render(company, companyLinks));
    written.add(COMPANY_PAGE);
    for (Map.Entry<String, String> entry : fileNames.entrySet()) {
      PageModel team = byTeam.get(entry.getKey());
      Map<String, String> ownLink = Map.of(entry.getKey(), entry.getValue());
      String relative = TEAMS_FOLDER + "/" + entry.getValue();
      writeFile(fs, new Path(asOfFolder, relative), renderer.render(team, ownLink));
      written.add(relative);
    }
    return written;
  }

  private static Map<String, PageModel> byTeam(PageModel company, List<PageModel> teams) {
    if (company.isTeamPage()) {
      throw new IllegalArgumentException(
          "Cannot write the executive pages: the company page's model names a team (" + company.team() + ")");
    }
    Map<String, PageModel> byTeam = new LinkedHashMap<>();
    for (PageModel team : teams) {
      if (!team.isTeamPage()) {
        throw new IllegalArgumentException(
            "Cannot write the executive pages: a team page's model names no team (" + team.title() + ")");
      }
      if (byTeam.put(team.team(), team) != null) {
        throw new IllegalArgumentException(
            "Cannot write the executive pages: two team models for team " + team.team());
      }
    }
    return byTeam;
  }

  private static void writeFile(FileSystem fs, Path file, String html) throws IOException {
    try (OutputStream out = fs.create(file, false)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
  }
}
