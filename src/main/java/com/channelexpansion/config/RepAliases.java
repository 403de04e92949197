package com.channelexpansion.config;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optional {@code aliases} column of reps.csv (PRODUCT.md, "Staff and rep ids" and
 * "Aliases"): other names of a rep in the sources, separated by {@code |}, each trimmed and
 * matched exactly (case-sensitive). Empty pieces ({@code a||b}, a trailing {@code |}) are
 * ignored and a name repeated on one row counts once.
 *
 * <p>A sales_rep_id must name at most one rep, so an alias that is another rep's id, that two
 * reps share, or that is the reserved {@code HOUSE} is a configuration error. An alias equal to
 * the rep's own id changes nothing and is allowed.
 */
final class RepAliases {
  static final String COLUMN = "aliases";
  private static final String SEPARATOR = "\\|";

  private RepAliases() {}

  /** The aliases of one reps.csv row; none when the column is absent or empty. */
  static List<String> of(ConfigRow row) {
    Set<String> aliases = new LinkedHashSet<>();
    for (String piece : row.text(COLUMN).split(SEPARATOR)) {
      String alias = ConfigCsvFile.trim(piece);
      if (alias.equals(ReferenceDataLoader.HOUSE)) {
        throw row.problem("alias HOUSE is reserved for revenue credited to no rep; remove it");
      }
      if (!alias.isEmpty()) {
        aliases.add(alias);
      }
    }
    return List.copyOf(aliases);
  }

  /**
   * Fails when an alias is another rep's id or is shared by two reps.
   *
   * @param rows the rows of reps.csv
   * @param reps the rep read from each row, in the same order
   */
  static void check(List<ConfigRow> rows, List<Rep> reps) {
    Map<String, Integer> rowOfRepId = new HashMap<>();
    for (int i = 0; i < reps.size(); i++) {
      rowOfRepId.put(reps.get(i).repId(), i);
    }
    Map<String, Integer> rowOfAlias = new HashMap<>();
    for (int i = 0; i < reps.size(); i++) {
      Rep rep = reps.get(i);
      for (String alias : rep.aliases()) {
        Integer owner = rowOfRepId.get(alias);
        if (owner != null && owner != i) {
          throw rows.get(i).problem(
              "alias " + ConfigRow.quote(alias) + " is the rep_id of another rep (line "
                  + rows.get(owner).line() + "): a sales_rep_id " + alias
                  + " would name two reps");
        }
        Integer first = rowOfAlias.putIfAbsent(alias, i);
        if (first != null) {
          throw rows.get(i).problem(
              "alias " + ConfigRow.quote(alias) + " is also an alias of rep_id "
                  + reps.get(first).repId() + " (line " + rows.get(first).line()
                  + "): two reps cannot share an alias");
        }
      }
    }
  }
}
