package spike;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Shared plumbing of the table-format spike: a small local[2] session, order_lines-shaped test
 * data, timed steps whose outcome (ok / FAIL with the exact exception lines) goes to stdout and
 * to target/spike-results/&lt;format&gt;-spark&lt;version&gt;.txt. Throwaway code, not project code.
 */
final class Spike {
    final String format;
    final String sparkVersion = System.getProperty("spike.spark.version", "?");
    final List<String> lines = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final long started = System.nanoTime();

    Spike(String format) {
        this.format = format;
        log("# " + format + " spike on Spark " + sparkVersion + ", Java " + System.getProperty("java.version"));
    }

    static SparkSession session(Map<String, String> conf) {
        SparkSession.Builder b = SparkSession.builder()
                .master("local[2]")
                .appName("table-format-spike")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        conf.forEach(b::config);
        return b.getOrCreate();
    }

    /** 3,000 lines: orders 0..1499 with lines 1 and 2, months 2026-01..2026-06, updated 2026-07-01. */
    static Dataset<Row> initialLines(SparkSession spark) {
        return spark.sql("SELECT CAST(id DIV 2 AS BIGINT) AS order_id, CAST(id % 2 + 1 AS INT) AS line_number,"
                + " concat('C', CAST(id % 200 AS STRING)) AS customer_id,"
                + " concat('2026-0', CAST((id DIV 2) % 6 + 1 AS STRING)) AS month,"
                + " CAST((id * 37 % 10000) / 100 AS DECIMAL(18,2)) AS amount,"
                + " TIMESTAMP'2026-07-01 00:00:00' AS updated_at"
                + " FROM range(3000)");
    }

    /**
     * A night's new versions, 700 raw rows: 400 newer versions of lines of orders 0..199 (each
     * sent twice, the later one must win), 100 OLDER versions of orders 200..249 (must be
     * ignored), 100 new lines (orders 5000..5049). Deduplicated to one row per key by latest
     * updated_at, as the job would before MERGE (MERGE refuses two source rows per target row).
     */
    static Dataset<Row> newVersions(SparkSession spark) {
        Dataset<Row> raw = spark.sql(
                "SELECT CAST(id DIV 2 AS BIGINT) order_id, CAST(id % 2 + 1 AS INT) line_number,"
                + " concat('C', CAST(id % 200 AS STRING)) customer_id,"
                + " concat('2026-0', CAST((id DIV 2) % 6 + 1 AS STRING)) month,"
                + " CAST(999.99 AS DECIMAL(18,2)) amount, TIMESTAMP'2026-07-02 00:00:00' updated_at FROM range(400)"
                + " UNION ALL SELECT CAST(id DIV 2 AS BIGINT), CAST(id % 2 + 1 AS INT), concat('C', CAST(id % 200 AS STRING)),"
                + " concat('2026-0', CAST((id DIV 2) % 6 + 1 AS STRING)), CAST(1000.01 AS DECIMAL(18,2)), TIMESTAMP'2026-07-03 00:00:00' FROM range(400)"
                + " UNION ALL SELECT CAST(id DIV 2 AS BIGINT), CAST(id % 2 + 1 AS INT), concat('C', CAST(id % 200 AS STRING)),"
                + " concat('2026-0', CAST((id DIV 2) % 6 + 1 AS STRING)), CAST(-1 AS DECIMAL(18,2)), TIMESTAMP'2026-06-01 00:00:00' FROM range(400, 500)"
                + " UNION ALL SELECT CAST(5000 + id DIV 2 AS BIGINT), CAST(id % 2 + 1 AS INT), 'CNEW', '2026-07',"
                + " CAST(12.34 AS DECIMAL(18,2)), TIMESTAMP'2026-07-03 00:00:00' FROM range(100)");
        raw.createOrReplaceTempView("raw_versions");
        return spark.sql("SELECT order_id, line_number, customer_id, month, amount, updated_at FROM ("
                + " SELECT *, row_number() OVER (PARTITION BY order_id, line_number ORDER BY updated_at DESC, amount DESC) rn"
                + " FROM raw_versions) WHERE rn = 1");
    }

    static final String MERGE_BODY = " s ON t.order_id = s.order_id AND t.line_number = s.line_number"
            + " WHEN MATCHED AND s.updated_at > t.updated_at THEN UPDATE SET *"
            + " WHEN NOT MATCHED THEN INSERT *";

    interface Step<T> { T run() throws Exception; }

    /** Runs one step, records ok + seconds + detail, or FAIL + the exception chain; never throws. */
    <T> T step(String name, Step<T> body, java.util.function.Function<T, String> detail) {
        long t0 = System.nanoTime();
        try {
            T result = body.run();
            log(String.format("ok   %-34s %6.1f s  %s", name, secs(t0), detail.apply(result)));
            return result;
        } catch (Throwable e) {
            log(String.format("FAIL %-34s %6.1f s  %s", name, secs(t0), chain(e)));
            failures.add(name);
            return null;
        }
    }

    /** A step whose failure is a documented limitation, not a defect: recorded as "limit". */
    void expectLimit(String name, Step<String> body) {
        long t0 = System.nanoTime();
        try {
            log(String.format("ok   %-34s %6.1f s  %s", name, secs(t0), body.run()));
        } catch (Throwable e) {
            log(String.format("lim  %-34s %6.1f s  %s", name, secs(t0), chain(e)));
        }
    }

    /**
     * Starts two writers at the same instant (a barrier) and returns each one's outcome:
     * "committed" or the exception class and first message line.
     */
    static List<String> race(Callable<Object> a, Callable<Object> b) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (Callable<Object> c : List.of(a, b)) {
                fs.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        c.call();
                        return "committed";
                    } catch (Throwable e) {
                        return "FAILED " + chain(e);
                    }
                }));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 4; t = t.getCause(), depth++) {
            String msg = String.valueOf(t.getMessage()).strip();
            int nl = msg.indexOf('\n');
            if (nl > 0) {
                msg = msg.substring(0, nl);
            }
            if (msg.length() > 400) {
                msg = msg.substring(0, 400) + "...";
            }
            sb.append(depth == 0 ? "" : " <- caused by ").append(t.getClass().getName()).append(": ").append(msg);
            if (t.getCause() == t) {
                break;
            }
        }
        if (e instanceof LinkageError || e.getCause() instanceof LinkageError) {
            StackTraceElement[] st = e.getStackTrace();
            for (int i = 0; i < Math.min(3, st.length); i++) {
                sb.append(" | at ").append(st[i]);
            }
        }
        return sb.toString();
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    void log(String line) {
        System.out.println("SPIKE " + line);
        lines.add(line);
    }

    void finish() {
        log(String.format("total wall %.1f s; failed steps: %s", secs(started), failures));
        try {
            Path dir = Path.of(System.getProperty("spike.results", "target/spike-results"));
            Files.createDirectories(dir);
            Files.write(dir.resolve(format + "-spark" + sparkVersion + ".txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rows(Dataset<Row> df) {
        StringBuilder sb = new StringBuilder();
        for (Row r : df.collectAsList()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.mkString("="));
        }
        return sb.toString();
    }
}
