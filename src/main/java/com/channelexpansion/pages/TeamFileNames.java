package com.channelexpansion.pages;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names of the team pages (PRODUCT.md, "The executive pages"): the team name lowercased,
 * every run of characters other than a-z and 0-9 turned into {@code -}, {@code .html} added.
 * When two teams give the same name, the team that sorts later (by code point) gets the smallest
 * suffix {@code -2}, {@code -3}, ... that no other team's page uses, so a team's file name does not
 * depend on the order the report lists teams in.
 */
public final class TeamFileNames {
  private static final Pattern NOT_A_Z_0_9 = Pattern.compile("[^a-z0-9]+");

  private TeamFileNames() {}

  /** The name before any collision suffix, without {@code .html}. */
  public static String stem(String team) {
    return NOT_A_Z_0_9.matcher(team.toLowerCase(Locale.ROOT)).replaceAll("-");
  }

  /**
   * File name ({@code <stem>.html}) of each team, keyed by team, in code point order of the team
   * names. Duplicate team names are one team.
   */
  public static Map<String, String> assign(List<String> teams) {
    String[] sorted = teams.stream().distinct().toArray(String[]::new);
    Arrays.sort(sorted, TeamFileNames::compareCodePoints);
    Set<String> taken = new HashSet<>();
    for (String team : sorted) {
      taken.add(stem(team)); // a team whose plain name is free keeps it, whatever sorts before it
    }
    Set<String> given = new HashSet<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String team : sorted) {
      String stem = stem(team);
      String name = stem;
      // A suffixed name must not be another team's plain name either.
      for (int suffix = 2; given.contains(name) || (!name.equals(stem) && taken.contains(name)); suffix++) {
        name = stem + "-" + suffix;
      }
      given.add(name);
      names.put(team, name + ".html");
    }
    return names;
  }

  /** Code point order, as the report sorts ids and team names. */
  static int compareCodePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
