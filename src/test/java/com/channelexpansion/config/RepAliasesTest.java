package com.channelexpansion.config;

import static com.channelexpansion.config.ConfigFixtures.assertProblem;
import static com.channelexpansion.config.ConfigFixtures.lines;
import static com.channelexpansion.config.ConfigFixtures.validReference;
import static com.channelexpansion.config.ConfigFixtures.with;
import static com.channelexpansion.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reps.csv's optional aliases column (PRODUCT.md, "Staff and rep ids" and "Aliases"). */
class RepAliasesTest {
  private static final String HEADER = "rep_id,rep_name,team,region,Aliases";

  @TempDir Path dir;

  private List<Rep> reps(String... rows) {
    String[] all = new String[rows.length + 1];
    all[0] = HEADER;
    System.arraycopy(rows, 0, all, 1, rows.length);
    return ReferenceDataLoader.load(write(dir, with(validReference(), "reps.csv", lines(all))), "USD")
        .reps();
  }

  @Test
  void withoutTheColumnRepsHaveNoAliases() {
    List<Rep> reps = ReferenceDataLoader.load(write(dir, validReference()), "USD").reps();
    assertEquals(List.of(List.of(), List.of()), reps.stream().map(Rep::aliases).toList());
  }

  @Test
  void aliasesAreSplitTrimmedAndKeepTheirCase() {
    List<Rep> reps =
        reps(
            "R1,Ann,,,\" Ann Smith |ann.smith@shop| |Ann Smith||\"",
            "R2,Bob,,,",
            "R3,Cy,,,cy|CY");
    assertEquals(List.of("Ann Smith", "ann.smith@shop"), reps.get(0).aliases(), "empty pieces and repeats dropped");
    assertEquals(List.of(), reps.get(1).aliases());
    assertEquals(List.of("cy", "CY"), reps.get(2).aliases(), "case-sensitive: two aliases");
  }

  @Test
  void anAliasEqualToItsOwnRepIdIsHarmless() {
    assertEquals(List.of("R1", "Ann"), reps("R1,Ann,,,R1|Ann").get(0).aliases());
  }

  @Test
  void twoRepsCannotShareAnAlias() {
    assertProblem(
        () -> reps("R1,Ann,,,Sam|Ann", "R2,Bob,,,", "R3,Sam B,,,Sam"),
        "reps.csv",
        4,
        "alias \"Sam\" is also an alias of rep_id R1 (line 2): two reps cannot share an alias");
  }

  @Test
  void anAliasCannotBeAnotherRepsId() {
    // The rep whose id it is comes later in the file: still found.
    assertProblem(
        () -> reps("R1,Ann,,,Ann|R2", "R2,Bob,,,"),
        "reps.csv",
        2,
        "alias \"R2\" is the rep_id of another rep (line 3)");
  }

  @Test
  void houseCannotBeAnAlias() {
    assertProblem(() -> reps("R1,Ann,,,Ann|HOUSE"), "reps.csv", 2, "alias HOUSE is reserved");
  }
}
