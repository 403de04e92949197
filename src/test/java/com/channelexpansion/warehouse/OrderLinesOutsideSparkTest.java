package com.channelexpansion.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.ingest.IngestJob;
import com.channelexpansion.ingest.formats.SourceFormats;
import com.channelexpansion.testing.DeltaKernelReader;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * order_lines as readers outside Spark see it (docs/operations.md, "Reading order_lines"): Delta
 * Kernel, the protocol library beneath DuckDB's delta extension and delta-rs, reads every version
 * with the rows Spark reads, and a plain Parquet glob of the folder does not (it counts a
 * replaced line twice), which is why the docs send analysts to a Delta reader or the reports.
 */
class OrderLinesOutsideSparkTest {
  private static final String HEADER =
      "order_id,line_number,order_timestamp,customer_id,order_source,quantity,unit_price,currency,updated_at\n";
  private static final List<String> COLUMNS =
      List.of(OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER, OrderLineColumns.MONTH,
          OrderLineColumns.CUSTOMER_ID, OrderLineColumns.QUANTITY, OrderLineColumns.AMOUNT,
          OrderLineColumns.SOURCE_FILE);

  @TempDir Path dir;

  @Test
  void aReaderWithoutSparkReadsEachCommittedVersionAsSparkDoes() throws IOException {
    Path samples = SmallSamples.generate(dir.resolve("samples"));
    Path input = Files.createDirectories(dir.resolve("input"));
    WarehouseLayout warehouse = new WarehouseLayout(dir.resolve("warehouse").toString());
    Files.writeString(
        input.resolve("a.csv"),
        HEADER
            + "K1,1,2025-01-15T10:00:00Z,C00001,WEB,1,10,USD,2025-01-15T10:00:00Z\n"
            + "K2,1,2025-02-15T10:00:00Z,C00002,PHONE,2,7.5,USD,2025-02-15T10:00:00Z\n"
            + "K2,2,2025-02-15T10:00:00Z,C00002,PHONE,1,3,USD,2025-02-15T10:00:00Z\n");
    long first = ingest(samples, input, warehouse, "first");
    // A later version of K1's line (five units, moved to February) and a new order.
    Files.writeString(
        input.resolve("b.csv"),
        HEADER
            + "K1,1,2025-02-20T10:00:00Z,C00001,WEB,5,10,USD,2025-02-21T10:00:00Z\n"
            + "K3,1,2025-03-01T10:00:00Z,C00003,WEB,1,4,USD,2025-03-01T10:00:00Z\n");
    long second = ingest(samples, input, warehouse, "second");
    assertTrue(second > first, "the second night committed a new version");

    Path orderLines = Path.of(warehouse.orderLines().toString());
    for (long version : List.of(first, second)) {
      assertEquals(
          sparkRows(orderLines, version),
          DeltaKernelReader.rows(orderLines, OptionalLong.of(version), COLUMNS),
          "version " + version);
    }
    List<String> latest = DeltaKernelReader.rows(orderLines, OptionalLong.empty(), COLUMNS);
    assertEquals(
        List.of(
            "K1|1|2025-02|C00001|5.000000|50.00|b.csv",
            "K2|1|2025-02|C00002|2.000000|15.00|a.csv",
            "K2|2|2025-02|C00002|1.000000|3.00|a.csv",
            "K3|1|2025-03|C00003|1.000000|4.00|b.csv"),
        latest);
    long globbed =
        SharedSpark.get().read().parquet(orderLines.resolve("month=*").toString()).count();
    assertEquals(latest.size() + 1, globbed, "a Parquet glob still sees K1's replaced version");
  }

  private static long ingest(Path samples, Path input, WarehouseLayout warehouse, String runId) throws IOException {
    new IngestJob(
            SharedSpark.get(), SmallSamples.definitions(samples), SmallSamples.reference(samples),
            input.toString(), SourceFormats.allCanonical(), warehouse, runId)
        .execute();
    return OrderLinesDelta.latestVersion(SharedSpark.get(), warehouse.orderLines());
  }

  /** Spark's rows of the version, rendered as {@link DeltaKernelReader} renders them. */
  private static List<String> sparkRows(Path orderLines, long version) {
    SparkSession spark = SharedSpark.get();
    List<String> rows = new ArrayList<>();
    for (Row row :
        OrderLinesDelta.read(spark, new org.apache.hadoop.fs.Path(orderLines.toString()), version)
            .select(COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
            .collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.get(i);
        values.add(value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value));
      }
      rows.add(String.join("|", values));
    }
    rows.sort(null);
    return rows;
  }
}
