package spike;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delta Lake (io.delta:delta-spark_2.13) on the project's Spark: the issue 17 spike. */
class DeltaSpikeTest {

    @TempDir
    Path dir;

    @Test
    void deltaOnThisSpark() {
        Spike s = new Spike("delta");
        String path = dir.resolve("order_lines").toUri().toString();
        String t = "delta.`" + path + "`";

        SparkSession spark = s.step("start session + extension", () -> {
            SparkSession sp = Spike.session(Map.of(
                    "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
                    "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog",
                    "spark.databricks.delta.properties.defaults.enableChangeDataFeed", "true"));
            sp.sql("SELECT 1").collect();
            return sp;
        }, sp -> "Spark " + sp.version() + ", Delta " + System.getProperty("spike.delta.version"));
        if (spark == null) {
            s.finish();
            assertTrue(false, "Delta did not start: " + s.lines);
        }

        s.step("CREATE TABLE ... USING delta (SQL)", () -> {
            String other = dir.resolve("sql_created").toUri().toString();
            spark.sql("CREATE TABLE delta.`" + other + "` (order_id BIGINT, line_number INT, customer_id STRING,"
                    + " month STRING, amount DECIMAL(18,2), updated_at TIMESTAMP) USING delta PARTITIONED BY (month)"
                    + " TBLPROPERTIES (delta.enableChangeDataFeed = true)");
            return "created";
        }, x -> x);

        s.step("create via DataFrame writer, 3000 rows", () -> {
            Spike.initialLines(spark).write().format("delta").partitionBy("month").mode("errorifexists").save(path);
            return spark.sql("SELECT count(*), count(DISTINCT month), sum(amount) FROM " + t).first();
        }, r -> "rows=" + r.get(0) + " months=" + r.get(1) + " sum(amount)=" + r.get(2)
                + " dirs=" + listDirs(dir.resolve("order_lines")));

        s.step("table properties (CDF on)", () -> Spike.rows(spark.sql("DESCRIBE DETAIL " + t)
                .selectExpr("CAST(properties AS STRING)", "partitionColumns", "numFiles")), x -> x);

        s.step("MERGE latest by (order_id,line_number)", () -> {
            Spike.newVersions(spark).createOrReplaceTempView("src");
            Row m = spark.sql("MERGE INTO " + t + " t USING src" + Spike.MERGE_BODY).first();

            Row check = spark.sql("SELECT count(*), count_if(amount = 1000.01), count_if(amount = 999.99),"
                    + " count_if(amount = -1), count_if(customer_id = 'CNEW'),"
                    + " count(DISTINCT order_id, line_number) FROM " + t).first();
            return "merge result " + m.schema().fieldNames().length + " cols " + m.mkString("[", ",", "]")
                    + "; after: rows=" + check.get(0) + " newest(1000.01)=" + check.get(1)
                    + " older-of-dup(999.99)=" + check.get(2) + " stale(-1)=" + check.get(3)
                    + " inserted=" + check.get(4) + " distinct keys=" + check.get(5);
        }, x -> x);

        s.step("change data feed v1..v1 (readChangeFeed)", () -> Spike.rows(spark.read().format("delta")
                .option("readChangeFeed", "true").option("startingVersion", 1).option("endingVersion", 1)
                .load(path).groupBy("_change_type").count().orderBy("_change_type")), x -> x);

        s.step("change data feed SQL table_changes", () -> Spike.rows(spark.sql(
                "SELECT _change_type, _commit_version, count(*) FROM table_changes_by_path('" + path + "', 0, 1)"
                + " GROUP BY 1, 2 ORDER BY 2, 1")), x -> x);

        s.step("time travel versionAsOf 0", () -> {
            Row r = spark.read().format("delta").option("versionAsOf", 0).load(path)
                    .selectExpr("count(*)", "sum(amount)", "count_if(amount = 1000.01)").first();
            Row q = spark.sql("SELECT count(*) FROM " + t + " VERSION AS OF 0").first();
            return "rows=" + r.get(0) + " sum(amount)=" + r.get(1) + " newest=" + r.get(2)
                    + "; SQL VERSION AS OF 0 rows=" + q.get(0);
        }, x -> x);

        s.step("history", () -> Spike.rows(spark.sql("DESCRIBE HISTORY " + t)
                .selectExpr("version", "operation").orderBy("version")), x -> x);

        s.step("2 writers, same partition", () -> {
            String out = "";
            for (int round = 1; round <= 3; round++) {
                long a = 6L * round, b = 6L * round + 600; // both in month 2026-01
                List<String> r = Spike.race(() -> oneLineMerge(spark, t, a, null), () -> oneLineMerge(spark, t, b, null));
                out += "round " + round + ": A " + r.get(0) + " | B " + r.get(1) + "; ";
                if (r.stream().anyMatch(x -> x.startsWith("FAILED"))) {
                    break;
                }
            }
            return out;
        }, x -> x);

        s.step("2 writers, disjoint partitions", () -> {
            List<String> r = Spike.race(() -> oneLineMerge(spark, t, 12L, "2026-01"),
                    () -> oneLineMerge(spark, t, 13L, "2026-02"));
            return "A " + r.get(0) + " | B " + r.get(1);
        }, x -> x);

        s.step("consistent after races", () -> {
            Row r = spark.sql("SELECT count(*), count(DISTINCT order_id, line_number) FROM " + t).first();
            return "rows=" + r.get(0) + " distinct keys=" + r.get(1) + " log files="
                    + Files.list(dir.resolve("order_lines/_delta_log")).filter(p -> p.toString().endsWith(".json")).count();
        }, x -> x);

        s.step("12 more commits -> checkpoint", () -> {
            for (int i = 0; i < 12; i++) {
                oneLineMerge(spark, t, 100_000L + i, null);
            }
            long checkpoints = Files.list(dir.resolve("order_lines/_delta_log"))
                    .filter(p -> p.toString().endsWith(".checkpoint.parquet")).count();
            Row r = spark.sql("SELECT count(*) FROM " + t).first();
            Row v = spark.read().format("delta").option("versionAsOf", 1).load(path).selectExpr("count(*)").first();
            return "checkpoint files=" + checkpoints + " rows=" + r.get(0) + " versionAsOf 1 rows=" + v.get(0);
        }, x -> x);

        s.step("schema evolution: MERGE with a new column", () -> {
            spark.conf().set("spark.databricks.delta.schema.autoMerge.enabled", "true");
            spark.sql("SELECT CAST(0 AS BIGINT) order_id, 1 line_number, 'C0' customer_id, '2026-01' month,"
                    + " CAST(1.00 AS DECIMAL(18,2)) amount, TIMESTAMP'2026-08-01 00:00:00' updated_at, 'web' channel")
                    .createOrReplaceTempView("evolved");
            spark.sql("MERGE INTO " + t + " t USING evolved" + Spike.MERGE_BODY);
            spark.conf().unset("spark.databricks.delta.schema.autoMerge.enabled");
            return String.join(",", spark.read().format("delta").load(path).columns());
        }, x -> x);

        s.step("ALTER TABLE SET TBLPROPERTIES (path)", () -> {
            spark.sql("ALTER TABLE " + t + " SET TBLPROPERTIES ('delta.logRetentionDuration' = 'interval 60 days')");
            return Spike.rows(spark.sql("DESCRIBE DETAIL " + t).selectExpr("CAST(properties AS STRING)"));
        }, x -> x);

        s.step("OPTIMIZE (compaction)", () -> Spike.rows(spark.sql("OPTIMIZE " + t)
                .selectExpr("metrics.numFilesAdded", "metrics.numFilesRemoved")), x -> "files added=removed: " + x);

        s.step("VACUUM DRY RUN (7 days)", () -> "files it would delete: "
                + spark.sql("VACUUM " + t + " RETAIN 168 HOURS DRY RUN").count(), x -> x);

        s.finish();
        assertTrue(s.failures.isEmpty(), "failed steps: " + s.failures + "\n" + String.join("\n", s.lines));
    }

    /** A MERGE of one new version of (order, line 1); with a month, the ON clause pins the partition. */
    private static Object oneLineMerge(SparkSession spark, String t, long orderId, String month) {
        String pin = month == null ? "" : " AND t.month = '" + month + "'";
        Dataset<Row> src = spark.sql("SELECT CAST(" + orderId + " AS BIGINT) order_id, 1 line_number,"
                + " 'C0' customer_id, concat('2026-0', CAST(" + orderId + " % 6 + 1 AS STRING)) month,"
                + " CAST(7.77 AS DECIMAL(18,2)) amount, TIMESTAMP'2026-07-05 00:00:00' updated_at");
        src.createOrReplaceTempView("one_" + orderId);
        return spark.sql("MERGE INTO " + t + " t USING one_" + orderId
                + " s ON t.order_id = s.order_id AND t.line_number = s.line_number" + pin
                + " WHEN MATCHED AND s.updated_at > t.updated_at THEN UPDATE SET *"
                + " WHEN NOT MATCHED THEN INSERT *").collectAsList();
    }

    private static String listDirs(Path p) {
        try (var st = Files.list(p)) {
            return st.map(x -> x.getFileName().toString()).sorted().toList().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
