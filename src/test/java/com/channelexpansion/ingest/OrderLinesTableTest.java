package com.channelexpansion.ingest;

import static com.channelexpansion.testing.OrderLineFixtures.line;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.spark.Columns;
import com.channelexpansion.testing.DeltaCommits;
import com.channelexpansion.testing.OrderLineFixtures;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.TableContents;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.OrderLinesDelta;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** order_lines as a Delta table: a MERGE keeps exactly what resolving every version keeps (rule 2). */
class OrderLinesTableTest {
  @TempDir java.nio.file.Path dir;

  /** Stands for crediting (rule 10): marks the lines a merge inserts or updates. */
  private static final UnaryOperator<Dataset<Row>> CREDIT =
      lines ->
          lines
              .withColumn(OrderLineColumns.CREDITED_REP_ID, lit("R-NEW"))
              .withColumn(OrderLineColumns.UNKNOWN_REP_ID, lit(null).cast(DataTypes.StringType))
              .withColumn(OrderLineColumns.UNKNOWN_REP_ROLE, lit(null).cast(DataTypes.StringType))
              .select(Columns.named(OrderLineColumns.SCHEMA.fieldNames()));

  /** Lines built credited already keep their crediting. */
  private static final UnaryOperator<Dataset<Row>> AS_CREDITED =
      lines -> lines.select(Columns.named(OrderLineColumns.SCHEMA.fieldNames()));

  @Test
  void aMergeKeepsWhatResolvingEveryVersionKeeps() throws IOException {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> stored =
        OrderLineFixtures.frame(
            spark,
            line("C1", "A", 1).on("2025-01-10").amount("10").updatedAt("2025-01-10T00:00:00Z").sourceFile("a.csv", 2).build(),
            line("C1", "B", 1).on("2025-02-10").amount("20").sourceFile("a.csv", 3).build(),
            line("C2", "C", 1).on("2025-03-10").amount("30").updatedAt("2025-03-10T00:00:00Z").sourceFile("b.csv", 2).build(),
            line("C2", "D", 1).on("2025-03-11").amount("40").updatedAt("2025-03-11T00:00:00Z").sourceFile("b.csv", 5).build(),
            line("C3", "F", 1).on("2025-04-01").amount("60").updatedAt("2025-04-01T00:00:00Z").sourceFile("b.csv", 9).build());
    Dataset<Row> tonight =
        OrderLineFixtures.frame(
                spark,
                // later: wins, and moves A/1 from January to February
                line("C1", "A", 1).on("2025-02-01").amount("11").updatedAt("2025-02-01T00:00:00Z").sourceFile("c.csv", 2).build(),
                // a dated version beats one without updated_at
                line("C1", "B", 1).on("2025-02-10").amount("21").updatedAt("2025-02-10T00:00:00Z").sourceFile("c.csv", 3).build(),
                // older: loses
                line("C2", "C", 1).on("2025-03-10").amount("-1").updatedAt("2025-03-01T00:00:00Z").sourceFile("c.csv", 4).build(),
                // the same updated_at: the later file wins; of tonight's two, c.csv beats a.csv
                line("C2", "D", 1).on("2025-03-11").amount("41").updatedAt("2025-03-11T00:00:00Z").sourceFile("c.csv", 5).build(),
                line("C2", "D", 1).on("2025-03-11").amount("-2").updatedAt("2025-03-11T00:00:00Z").sourceFile("a.csv", 7).build(),
                // a new key
                line("C4", "E", 1).on("2025-05-01").amount("50").updatedAt("2025-05-01T00:00:00Z").sourceFile("c.csv", 6).build())
            .drop(OrderLineColumns.CREDIT_COLUMNS.toArray(String[]::new));
    Path table = new Path(dir.resolve("order_lines").toString());
    long first = OrderLinesTable.overwrite(spark, table, stored, AS_CREDITED, "{\"run\":\"night-1\"}");
    OrderLinesDelta.Commit commit =
        OrderLinesTable.merge(spark, table, tonight, tonight.count(), CREDIT, "{\"run\":\"night-2\"}");
    long second = commit.version();

    Dataset<Row> merged = OrderLinesDelta.read(spark, table, second);
    Dataset<Row> resolved = LatestVersions.keepLatest(stored.unionByName(CREDIT.apply(tonight)));
    assertTrue(TableContents.sameContent(resolved, merged), "merge equals resolving every version");
    Map<String, BigDecimal> amounts =
        merged.collectAsList().stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("order_id"), r -> r.<BigDecimal>getAs("amount")));
    assertEquals(
        Map.of("A", "11.00", "B", "21.00", "C", "30.00", "D", "41.00", "E", "50.00", "F", "60.00"),
        amounts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toPlainString())));
    assertEquals("2025-02", merged.where(col("order_id").equalTo("A")).first().getAs("month"));
    assertEquals("{\"run\":\"night-2\"}", DeltaCommits.latestUserMetadata(java.nio.file.Path.of(table.toString())));
    assertTrue(
        DeltaCommits.filesTouchedByLatest(java.nio.file.Path.of(table.toString())).stream()
            .noneMatch(file -> file.startsWith("month=2025-04/")),
        "April holds no replaced line: the merge leaves its files alone");
    assertEquals("3", commit.metrics().get("numTargetRowsUpdated"), "A, B and D replaced: " + commit.metrics());
    assertEquals(1, commit.rowsAddedByMerge(), "E is new");

    // The change feed between the two versions names exactly the lines the merge changed.
    assertEquals(
        java.util.List.of("A/2025-01", "A/2025-02", "B/2025-02", "D/2025-03", "E/2025-05"),
        OrderLinesDelta.changesBetween(spark, table, first, second).collectAsList().stream()
            .map(r -> r.getAs("order_id") + "/" + r.getAs("month"))
            .distinct()
            .sorted()
            .toList());
  }

  @Test
  void aNewTableHasItsChangeFeedOnAndNoDeletionVectorsAndCanBeTakenBack() {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> stored =
        OrderLineFixtures.frame(spark, line("C1", "A", 1).on("2025-01-10").updatedAt("2025-01-10T00:00:00Z").build());
    Path table = new Path(dir.resolve("order_lines").toString());
    long first = OrderLinesTable.overwrite(spark, table, stored, AS_CREDITED, "{\"run\":\"one\"}");
    Row detail = DeltaTable.forPath(spark, table.toString()).detail().first();
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    assertEquals("true", properties.get("delta.enableChangeDataFeed"));
    assertEquals("order_id,line_number", properties.get("delta.dataSkippingStatsColumns"), "the key's statistics only");
    // Deletion vectors would make each plan over the table list its files again (OrderLinesDelta).
    assertFalse(
        detail.<String>getList(detail.fieldIndex("tableFeatures")).contains("deletionVectors"),
        "no deletion vectors feature");

    Dataset<Row> later =
        OrderLineFixtures.frame(spark, line("C1", "B", 1).on("2025-01-11").updatedAt("2025-01-11T00:00:00Z").build())
            .drop(OrderLineColumns.CREDIT_COLUMNS.toArray(String[]::new));
    OrderLinesTable.merge(spark, table, later, 1, CREDIT, "{\"run\":\"two\"}");
    assertTrue(OrderLinesTable.restore(spark, table, first), "a version after the vouched one is taken back");
    assertTrue(TableContents.sameContent(stored, TableContents.delta(java.nio.file.Path.of(table.toString()))));
    assertFalse(OrderLinesTable.restore(spark, table, OrderLinesDelta.latestVersion(spark, table)));
  }

  @Test
  void anOverwriteKeepsTheLatestVersionOfEachLineCredited() {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> versions =
        OrderLineFixtures.frame(
                spark,
                line("C1", "A", 1).on("2025-01-10").amount("10").updatedAt("2025-01-10T00:00:00Z").sourceFile("a.csv", 2).build(),
                line("C1", "A", 1).on("2025-02-10").amount("11").updatedAt("2025-02-10T00:00:00Z").sourceFile("a.csv", 9).build(),
                line("C2", "B", 1).on("2025-03-10").amount("20").updatedAt("2025-03-10T00:00:00Z").sourceFile("b.csv", 2).build())
            .drop(OrderLineColumns.CREDIT_COLUMNS.toArray(String[]::new));
    Path table = new Path(dir.resolve("order_lines").toString());
    long version = OrderLinesTable.overwrite(spark, table, versions, CREDIT, "{\"run\":\"one\"}");

    Map<String, String> written =
        OrderLinesDelta.read(spark, table, version).collectAsList().stream()
            .collect(Collectors.toMap(
                r -> r.<String>getAs("order_id"),
                r -> r.<BigDecimal>getAs("amount").toPlainString() + "/" + r.getAs("month") + "/" + r.getAs("credited_rep_id")));
    assertEquals(Map.of("A", "11.00/2025-02/R-NEW", "B", "20.00/2025-03/R-NEW"), written);
  }
}
