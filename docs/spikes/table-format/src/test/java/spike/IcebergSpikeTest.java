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

/** Apache Iceberg (iceberg-spark-runtime-4.1_2.13), Hadoop catalog on a local folder: the issue 17 spike. */
class IcebergSpikeTest {

    @TempDir
    Path dir;

    @Test
    void icebergOnThisSpark() {
        Spike s = new Spike("iceberg");
        Path warehouse = dir.resolve("warehouse");
        String t = "local.db.order_lines";

        SparkSession spark = s.step("start session + extension", () -> {
            SparkSession sp = Spike.session(Map.of(
                    "spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
                    "spark.sql.catalog.local", "org.apache.iceberg.spark.SparkCatalog",
                    "spark.sql.catalog.local.type", "hadoop",
                    "spark.sql.catalog.local.warehouse", warehouse.toUri().toString()));
            sp.sql("SELECT 1").collect();
            return sp;
        }, sp -> "Spark " + sp.version() + ", Iceberg " + System.getProperty("spike.iceberg.version"));
        if (spark == null) {
            s.finish();
            assertTrue(false, "Iceberg did not start: " + s.lines);
        }

        s.step("CREATE TABLE ... USING iceberg (SQL)", () -> {
            spark.sql("CREATE TABLE " + t + " (order_id BIGINT, line_number INT, customer_id STRING, month STRING,"
                    + " amount DECIMAL(18,2), updated_at TIMESTAMP) USING iceberg PARTITIONED BY (month)"
                    + " TBLPROPERTIES ('format-version'='2')");
            return "created";
        }, x -> x);

        Long s1 = s.step("append 3000 rows", () -> {
            Spike.initialLines(spark).writeTo(t).append();
            return lastSnapshot(spark, t);
        }, id -> {
            Row r = spark.sql("SELECT count(*), count(DISTINCT month), sum(amount) FROM " + t).first();
            return "snapshot " + id + " rows=" + r.get(0) + " months=" + r.get(1) + " sum(amount)=" + r.get(2)
                    + " data dirs=" + listDirs(warehouse.resolve("db/order_lines/data"));
        });

        Long s2 = s.step("MERGE latest by (order_id,line_number)", () -> {
            Spike.newVersions(spark).createOrReplaceTempView("src");
            List<Row> m = spark.sql("MERGE INTO " + t + " t USING src" + Spike.MERGE_BODY).collectAsList();
            System.out.println("SPIKE   merge returned " + m);
            return lastSnapshot(spark, t);
        }, id -> {
            Row c = spark.sql("SELECT count(*), count_if(amount = 1000.01), count_if(amount = 999.99),"
                    + " count_if(amount = -1), count_if(customer_id = 'CNEW'),"
                    + " count(DISTINCT order_id, line_number) FROM " + t).first();
            return "snapshot " + id + "; after: rows=" + c.get(0) + " newest(1000.01)=" + c.get(1)
                    + " older-of-dup(999.99)=" + c.get(2) + " stale(-1)=" + c.get(3)
                    + " inserted=" + c.get(4) + " distinct keys=" + c.get(5);
        });

        s.expectLimit("incremental read s1..s2 (options)", () -> "rows=" + Spike.rows(spark.read().format("iceberg")
                .option("start-snapshot-id", s1).option("end-snapshot-id", s2).load(t)
                .selectExpr("count(*)")));

        s.step("changelog view s1..s2", () -> {
            spark.sql("CALL local.system.create_changelog_view(table => 'db.order_lines',"
                    + " options => map('start-snapshot-id', '" + s1 + "', 'end-snapshot-id', '" + s2 + "'),"
                    + " compute_updates => true, identifier_columns => array('order_id', 'line_number'),"
                    + " changelog_view => 'ol_changes')");
            return Spike.rows(spark.sql("SELECT _change_type, _change_ordinal, count(*) FROM ol_changes GROUP BY 1, 2 ORDER BY 1"));
        }, x -> x);

        s.step("changelog view, no compute_updates", () -> {
            spark.sql("CALL local.system.create_changelog_view(table => 'db.order_lines',"
                    + " options => map('start-snapshot-id', '" + s1 + "', 'end-snapshot-id', '" + s2 + "'),"
                    + " changelog_view => 'ol_raw_changes')");
            return Spike.rows(spark.sql("SELECT _change_type, count(*) FROM ol_raw_changes GROUP BY 1 ORDER BY 1"));
        }, x -> x);

        s.step("time travel to s1 (SQL VERSION AS OF)", () -> {
            Row r = spark.sql("SELECT count(*), sum(amount), count_if(amount = 1000.01) FROM " + t
                    + " VERSION AS OF " + s1).first();
            return "rows=" + r.get(0) + " sum(amount)=" + r.get(1) + " newest=" + r.get(2);
        }, x -> x);

        s.step("time travel to s1 (read option versionAsOf)", () -> {
            Row q = spark.read().option("versionAsOf", s1).table(t).selectExpr("count(*)", "sum(amount)").first();
            return "rows=" + q.get(0) + " sum(amount)=" + q.get(1);
        }, x -> x);

        s.expectLimit("time travel (old option snapshot-id)", () -> Spike.rows(
                spark.read().option("snapshot-id", s1).table(t).selectExpr("count(*)")));

        s.step("snapshots", () -> Spike.rows(spark.sql("SELECT operation, summary['added-data-files'],"
                + " summary['deleted-data-files'] FROM " + t + ".snapshots ORDER BY committed_at")), x -> x);

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

        s.step("2 writers, same partition, no retry", () -> {
            spark.sql("ALTER TABLE " + t + " SET TBLPROPERTIES ('commit.retry.num-retries'='0')");
            String out = "";
            for (int round = 1; round <= 3; round++) {
                long a = 6L * round + 1200, b = 6L * round + 1206;
                List<String> r = Spike.race(() -> oneLineMerge(spark, t, a, null), () -> oneLineMerge(spark, t, b, null));
                out += "round " + round + ": A " + r.get(0) + " | B " + r.get(1) + "; ";
                if (r.stream().anyMatch(x -> x.startsWith("FAILED"))) {
                    break;
                }
            }
            spark.sql("ALTER TABLE " + t + " UNSET TBLPROPERTIES ('commit.retry.num-retries')");
            return out;
        }, x -> x);

        s.step("2 writers, disjoint partitions", () -> {
            List<String> r = Spike.race(() -> oneLineMerge(spark, t, 12L, "2026-01"),
                    () -> oneLineMerge(spark, t, 13L, "2026-02"));
            return "A " + r.get(0) + " | B " + r.get(1);
        }, x -> x);

        s.step("consistent after races", () -> {
            Row r = spark.sql("SELECT count(*), count(DISTINCT order_id, line_number) FROM " + t).first();
            return "rows=" + r.get(0) + " distinct keys=" + r.get(1) + " metadata files="
                    + listDirs(warehouse.resolve("db/order_lines/metadata")).split(",").length;
        }, x -> x);

        s.finish();
        assertTrue(s.failures.isEmpty(), "failed steps: " + s.failures + "\n" + String.join("\n", s.lines));
    }

    private static long lastSnapshot(SparkSession spark, String t) {
        return spark.sql("SELECT snapshot_id FROM " + t + ".snapshots ORDER BY committed_at DESC LIMIT 1")
                .first().getLong(0);
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
