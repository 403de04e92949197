package com.channelexpansion.commission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.Account;
import com.channelexpansion.config.Rep;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** PRODUCT.md rule 10 and the precise rule on unknown sales_rep_id. */
class RepCreditingTest {
  private static final List<Rep> REPS =
      List.of(new Rep("R1", "Ann", "East", "E"), new Rep("R2", "Bob", "West", "W"));
  private static final List<Account> ACCOUNTS =
      List.of(
          new Account("C1", "Acme", "R2", "E"),
          new Account("C2", "Beta", null, null),
          new Account("C4", "Delta", "RZ", "W"));

  @Test
  void creditsSalesRepThenOwnerThenHouseAndFlagsUnknownIds() {
    // Ingest calls crediting before credited_rep_id and segment exist: drop both from the fixture.
    Dataset<Row> lines =
        new LineFixtures()
            .line("2025-01-01", "ONLINE", "EXISTING", "C1", "R1", "?", "1.00") // O1 known -> R1
            .line("2025-01-01", "ONLINE", "EXISTING", "C1", "RX", "?", "1.00") // O2 unknown -> HOUSE, no owner fall-back
            .line("2025-01-01", "ONLINE", "EXISTING", "C1", null, "?", "1.00") // O3 owner R2
            .line("2025-01-01", "ONLINE", "EXISTING", "C2", null, "?", "1.00") // O4 no owner -> HOUSE
            .line("2025-01-01", "ONLINE", "EXISTING", "C3", null, "?", "1.00") // O5 not in accounts -> HOUSE
            .line("2025-01-01", "ONLINE", "EXISTING", "C4", null, "?", "1.00") // O6 unknown owner RZ -> HOUSE + flag
            .line("2025-01-01", "ONLINE", "EXISTING", "C2", "", "?", "1.00") // O7 empty id = absent -> HOUSE
            .line("2025-01-01", "ONLINE", "EXISTING", "C1", "r1", "?", "1.00") // O8 ids are case-sensitive
            .frame()
            .drop(OrderLineColumns.CREDITED_REP_ID, CommissionColumns.SEGMENT);

    Dataset<Row> credited = RepCrediting.credit(lines, ACCOUNTS, REPS);
    Map<String, Row> byOrder = new HashMap<>();
    for (Row row : credited.collectAsList()) {
      byOrder.put(row.getAs(OrderLineColumns.ORDER_ID), row);
    }
    assertEquals(8, byOrder.size(), "crediting must keep every line exactly once");

    assertCredit(byOrder.get("O1"), "R1", false, false, null);
    assertCredit(byOrder.get("O2"), "HOUSE", true, false, "RX");
    assertCredit(byOrder.get("O3"), "R2", false, false, null);
    assertCredit(byOrder.get("O4"), "HOUSE", false, false, null);
    assertCredit(byOrder.get("O5"), "HOUSE", false, false, null);
    assertCredit(byOrder.get("O6"), "HOUSE", false, true, "RZ");
    assertCredit(byOrder.get("O7"), "HOUSE", false, false, null);
    assertCredit(byOrder.get("O8"), "HOUSE", true, false, "r1");

    // One warning per flagged line, listed by id (code point order: upper case first).
    List<String> warnings =
        RepCrediting.totalWarnings(RepCrediting.unknownRepWarningsByMonth(credited)).collectAsList().stream()
            .map(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getLong(2))
            .toList();
    assertEquals(
        List.of("RX/sales_rep_id/1", "RZ/owner_rep_id/1", "r1/sales_rep_id/1"), warnings);
  }

  @Test
  void creditsAnAliasToItsRepAndARepIdWinsOverAnAlias() {
    // R2's alias "R1" cannot pass the loader (another rep's id); crediting alone still lets the
    // rep_id win. Owners never go through aliases.
    List<Rep> reps =
        List.of(
            new Rep("R1", "Ann", "East", "E", List.of("Ann Smith")),
            new Rep("R2", "Bob", "West", "W", List.of("Bob Jones", "R1")));
    List<Account> accounts = List.of(new Account("C5", "Echo", "Ann Smith", "E"));
    Dataset<Row> lines =
        new LineFixtures()
            .line("2025-01-01", "ONLINE", "EXISTING", "C2", "Ann Smith", "?", "1.00") // O1 alias -> R1
            .line("2025-01-01", "ONLINE", "EXISTING", "C2", "Bob Jones", "?", "1.00") // O2 alias -> R2
            .line("2025-01-01", "ONLINE", "EXISTING", "C2", "R1", "?", "1.00") // O3 rep_id wins -> R1
            .line("2025-01-01", "ONLINE", "EXISTING", "C2", "ann smith", "?", "1.00") // O4 case -> HOUSE
            .line("2025-01-01", "ONLINE", "EXISTING", "C2", "Carla", "?", "1.00") // O5 unknown -> HOUSE
            .line("2025-01-01", "ONLINE", "EXISTING", "C5", null, "?", "1.00") // O6 owner alias -> HOUSE
            .frame()
            .drop(OrderLineColumns.CREDITED_REP_ID, CommissionColumns.SEGMENT);

    Dataset<Row> credited = RepCrediting.credit(lines, accounts, reps);
    Map<String, Row> byOrder = new HashMap<>();
    for (Row row : credited.collectAsList()) {
      byOrder.put(row.getAs(OrderLineColumns.ORDER_ID), row);
    }
    assertCredit(byOrder.get("O1"), "R1", false, false, null);
    assertCredit(byOrder.get("O2"), "R2", false, false, null);
    assertCredit(byOrder.get("O3"), "R1", false, false, null);
    assertCredit(byOrder.get("O4"), "HOUSE", true, false, "ann smith");
    assertCredit(byOrder.get("O5"), "HOUSE", true, false, "Carla");
    assertCredit(byOrder.get("O6"), "HOUSE", false, true, "Ann Smith");
    // The warnings name no alias of a sales_rep_id.
    List<String> warned =
        RepCrediting.totalWarnings(RepCrediting.unknownRepWarningsByMonth(credited)).collectAsList().stream()
            .map(r -> r.getString(0) + "/" + r.getString(1))
            .toList();
    assertEquals(List.of("Ann Smith/owner_rep_id", "Carla/sales_rep_id", "ann smith/sales_rep_id"), warned);
  }

  @Test
  void replacesAnExistingCreditedRepColumnInPlace() {
    Dataset<Row> lines =
        new LineFixtures()
            .line("2025-01-01", "ONLINE", "EXISTING", "C1", null, "STALE", "1.00")
            .frame();
    Dataset<Row> credited = RepCrediting.credit(lines, ACCOUNTS, REPS);
    List<String> columns = Arrays.asList(credited.columns());
    assertEquals(
        Arrays.asList(lines.columns()).indexOf(OrderLineColumns.CREDITED_REP_ID),
        columns.indexOf(OrderLineColumns.CREDITED_REP_ID),
        "credited_rep_id keeps its position");
    assertEquals(1, columns.stream().filter(OrderLineColumns.CREDITED_REP_ID::equals).count());
    assertTrue(columns.contains(CommissionColumns.SEGMENT));
    // C1's owner R2 replaces the stale value.
    assertEquals("R2", credited.collectAsList().get(0).getAs(OrderLineColumns.CREDITED_REP_ID));
  }

  private static void assertCredit(
      Row row, String rep, boolean unknownSales, boolean unknownOwner, String unknownId) {
    String order = row.getAs(OrderLineColumns.ORDER_ID);
    assertEquals(rep, row.getAs(OrderLineColumns.CREDITED_REP_ID), order + " credited rep");
    String role =
        unknownSales ? OrderLineColumns.ROLE_SALES_REP : unknownOwner ? OrderLineColumns.ROLE_OWNER : null;
    assertEquals(role, row.getAs(OrderLineColumns.UNKNOWN_REP_ROLE), order + " unknown_rep_role");
    assertEquals(unknownId, row.getAs(OrderLineColumns.UNKNOWN_REP_ID), order + " unknown_rep_id");
  }
}
