package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.coalesce;

import com.channelexpansion.config.Rep;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;

/**
 * Sales teams (PRODUCT.md, "Teams"): a rep's team is reps.csv's {@code team}, trimmed ({@link
 * #UNASSIGNED} when empty); lines credited to HOUSE form team {@link #HOUSE}. Team names compare
 * exactly (case-sensitive) and sort by Unicode code point.
 */
public final class Teams {
  public static final String HOUSE = OrderLineColumns.HOUSE;
  public static final String UNASSIGNED = "UNASSIGNED";

  /** Sorts text by code point (String.compareTo compares UTF-16 units, which differs above U+FFFF). */
  public static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

  private Teams() {}

  /** The team of {@code rep}. */
  public static String teamOf(Rep rep) {
    String team = rep.team() == null ? "" : rep.team().trim();
    return team.isEmpty() ? UNASSIGNED : team;
  }

  /** rep_id to team, for every rep of reps.csv, and HOUSE to HOUSE. */
  public static Map<String, String> byRep(List<Rep> reps) {
    Map<String, String> teams = new LinkedHashMap<>();
    teams.put(HOUSE, HOUSE);
    reps.forEach(rep -> teams.put(rep.repId(), teamOf(rep)));
    return teams;
  }

  /** Every team of reps.csv and HOUSE, in code-point order. */
  public static List<String> all(List<Rep> reps) {
    TreeSet<String> teams = new TreeSet<>(CODE_POINT_ORDER);
    teams.addAll(byRep(reps).values());
    return new ArrayList<>(teams);
  }

  /**
   * The team of a credited rep id (a rep of reps.csv or HOUSE, as crediting guarantees); an id
   * crediting never produces would read as HOUSE.
   */
  public static Column ofRep(Column creditedRepId, List<Rep> reps) {
    List<Column> entries = new ArrayList<>();
    byRep(reps).forEach(
        (repId, team) -> {
          entries.add(lit(repId));
          entries.add(lit(team));
        });
    return coalesce(element_at(map(entries.toArray(Column[]::new)), creditedRepId), lit(HOUSE));
  }
}
