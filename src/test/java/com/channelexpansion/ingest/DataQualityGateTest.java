package com.channelexpansion.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's one-line message: counts, the top reasons and the first rejected file and line. */
class DataQualityGateTest {
  private static final BigDecimal LIMIT = new BigDecimal("0.005");

  @Test
  void messageNamesTheTopThreeReasonsByCountThenNameAndTheFirstReject() {
    DataQualityGate.Verdict verdict = DataQualityGate.evaluate(1000, 12, LIMIT);
    Map<String, Long> byReason =
        Map.of(
            "missing_fx_rate", 1L,
            "invalid_number", 3L,
            "missing_required_field", 5L,
            "negative_price", 3L);
    String message =
        verdict.message(
            byReason, new DataQualityGate.FirstReject("exports/a.csv", 17, "customer_id: empty"));
    // invalid_number and negative_price tie at 3: the name decides; missing_fx_rate is fourth.
    assertEquals(
        "Cannot publish: data-quality gate failed: 12 of 1000 rows rejected"
            + " (ratio 0.012 > max_reject_ratio 0.005);"
            + " top reasons: missing_required_field 5, invalid_number 3, negative_price 3;"
            + " first rejected: exports/a.csv line 17 (customer_id: empty)",
        message);
    assertFalse(message.contains("\n"), "one line");
  }

  @Test
  void aFirstRejectWithoutDetailIsNamedByFileAndLineAlone() {
    // A reject stored before rejects had a detail has none.
    String message =
        DataQualityGate.evaluate(3, 2, BigDecimal.ZERO)
            .message(Map.of("malformed_row", 2L), new DataQualityGate.FirstReject("b.csv", 4, null));
    assertEquals(
        "Cannot publish: data-quality gate failed: 2 of 3 rows rejected"
            + " (ratio 0.6667 > max_reject_ratio 0); top reasons: malformed_row 2;"
            + " first rejected: b.csv line 4",
        message);
  }
}
