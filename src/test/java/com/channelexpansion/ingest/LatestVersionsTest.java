package com.channelexpansion.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.channelexpansion.testing.SharedSpark;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** PRODUCT.md rule 2: which version of a duplicated (order_id, line_number) wins. */
class LatestVersionsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("order_id", DataTypes.StringType)
          .add("line_number", DataTypes.LongType)
          .add("updated_at", DataTypes.TimestampType)
          .add("source_file", DataTypes.StringType)
          .add("source_line", DataTypes.LongType)
          .add("version", DataTypes.StringType);

  private static Row row(String order, long line, String updatedAt, String file, long sourceLine, String version) {
    return RowFactory.create(
        order, line, updatedAt == null ? null : Instant.parse(updatedAt), file, sourceLine, version);
  }

  private static Map<String, String> winners(List<Row> rows) {
    Dataset<Row> lines = SharedSpark.get().createDataFrame(rows, SCHEMA);
    return LatestVersions.keepLatest(lines).collectAsList().stream()
        .collect(
            Collectors.toMap(
                r -> r.getString(0) + "/" + r.getLong(1), r -> r.getString(5)));
  }

  @Test
  void latestUpdatedAtWinsAndEmptyIsOldest() {
    Map<String, String> won =
        winners(
            List.of(
                row("A", 1, "2026-01-02T00:00:00Z", "a.csv", 2, "newer"),
                row("A", 1, "2026-01-01T00:00:00Z", "z.csv", 9, "older-in-later-file"),
                row("A", 1, null, "zz.csv", 9, "no-updated-at"),
                row("B", 1, null, "a.csv", 3, "empty"),
                row("B", 1, "2020-01-01T00:00:00Z", "a.csv", 1, "any-date-beats-empty")));
    assertEquals(Map.of("A/1", "newer", "B/1", "any-date-beats-empty"), won);
  }

  @Test
  void tiesGoToLastFileByCodePointThenLaterLine() {
    Map<String, String> won =
        winners(
            List.of(
                // "b.csv" > "B.csv" and "a/x.csv" < "b.csv" by code point.
                row("C", 1, "2026-01-01T00:00:00Z", "B.csv", 50, "upper-case-file"),
                row("C", 1, "2026-01-01T00:00:00Z", "b.csv", 2, "lower-case-file"),
                row("C", 1, "2026-01-01T00:00:00Z", "a/x.csv", 99, "folder"),
                row("D", 7, null, "d.csv", 4, "line-4"),
                row("D", 7, null, "d.csv", 10, "line-10"),
                // Same order, other line number: not a duplicate.
                row("D", 8, null, "d.csv", 1, "other-line")));
    assertEquals(Map.of("C/1", "lower-case-file", "D/7", "line-10", "D/8", "other-line"), won);
  }

  @Test
  void gateComparesTheExactRatioAndPassesOnTheLimit() {
    java.math.BigDecimal limit = new java.math.BigDecimal("0.005");
    assertEquals(true, DataQualityGate.evaluate(1000, 5, limit).passed(), "5/1000 = limit passes");
    assertEquals(false, DataQualityGate.evaluate(1000, 6, limit).passed(), "6/1000 > limit fails");
    assertEquals(true, DataQualityGate.evaluate(0, 0, limit).passed(), "no rows read passes");
    assertEquals(false, DataQualityGate.evaluate(3, 1, java.math.BigDecimal.ZERO).passed());
    assertEquals(
        "Cannot publish: data-quality gate failed: 6 of 1000 rows rejected (ratio 0.006 > max_reject_ratio 0.005)"
            + "; top reasons: invalid_number 6; first rejected: a.csv line 2 (quantity: empty)",
        DataQualityGate.evaluate(1000, 6, limit)
            .message(
                Map.of("invalid_number", 6L),
                new DataQualityGate.FirstReject("a.csv", 2, "quantity: empty")));
  }
}
