package com.channelexpansion.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Team page names: lowercased, runs of other characters as one dash, a suffix on a collision. */
class TeamFileNamesTest {
  @Test
  void lowercasesAndTurnsEveryRunOfOtherCharactersIntoOneDash() {
    assertEquals("north-field", TeamFileNames.stem("North Field"));
    assertEquals("key-accounts-emea-", TeamFileNames.stem("Key Accounts (EMEA)"));
    assertEquals("-nited-sales", TeamFileNames.stem("Ünited  Sales"));
    assertEquals("team-2026", TeamFileNames.stem("TEAM_2026"));
    assertEquals("house", TeamFileNames.stem("HOUSE"));
  }

  @Test
  void aCollisionGivesTheTeamThatSortsLaterANumericSuffix() {
    assertEquals(
        Map.of("North Field", "north-field.html", "North-Field", "north-field-2.html", "north field", "north-field-3.html"),
        TeamFileNames.assign(List.of("north field", "North-Field", "North Field")));
  }

  @Test
  void aSuffixNeverTakesAnotherTeamsPlainName() {
    Map<String, String> names = TeamFileNames.assign(List.of("A B", "A-B", "a b 2"));
    assertEquals("a-b.html", names.get("A B"));
    assertEquals("a-b-2.html", names.get("a b 2"), "a team keeps its own plain name");
    assertEquals("a-b-3.html", names.get("A-B"));
  }

  @Test
  void namesDoNotDependOnTheOrderTeamsAreListedIn() {
    List<String> teams = new ArrayList<>(List.of("West", "west", "WEST!", "East", "HOUSE", "UNASSIGNED"));
    Map<String, String> first = TeamFileNames.assign(teams);
    Collections.reverse(teams);
    assertEquals(first, TeamFileNames.assign(teams));
    assertEquals(List.of("East", "HOUSE", "UNASSIGNED", "WEST!", "West", "west"), List.copyOf(first.keySet()),
        "code point order");
    assertEquals(6, first.values().stream().distinct().count(), "every team has a page of its own");
  }
}
