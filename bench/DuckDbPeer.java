import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The single-machine peer for the benchmark: the same product contract (PRODUCT.md) computed by
 * DuckDB from the order export CSV files, from scratch, into the job's three published tables
 * customers, revenue_monthly and commissions (Parquet files in --out). The rules are in the SQL
 * files of bench/duckdb/, run in name order in one in-memory DuckDB session; this program only
 * sets the session up, passes the options as session variables, times each file and prints one
 * line. Run with the single-file launcher and DuckDB's JDBC jar:
 *
 *   java -cp target/bench/duckdb_jdbc-2.0.0.1.jar bench/DuckDbPeer.java --exports DIR
 *       --reference DIR --config DIR --as-of YYYY-MM-DD --out DIR [--threads 2]
 *       [--memory-limit 8GB] [--sql bench/duckdb]
 *
 * Exit codes as the job's: 0 done, 1 a failure of the peer or of DuckDB, 2 a wrong command line,
 * 3 configuration or input that cannot be used, 4 the data-quality gate failed (nothing written).
 */
public class DuckDbPeer {
  private static final String USAGE =
      "usage: java -cp DUCKDB_JDBC_JAR bench/DuckDbPeer.java --exports DIR --reference DIR"
          + " --config DIR --as-of YYYY-MM-DD --out DIR [--threads 2] [--memory-limit 8GB]"
          + " [--sql bench/duckdb]";

  private static final class Failure extends Exception {
    final int exitCode;

    Failure(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Failure f) {
      System.err.println("duckdb-peer: " + f.getMessage());
      System.exit(f.exitCode);
    } catch (SQLException e) {
      String message = firstLine(e.getMessage()).replaceFirst("^[A-Za-z ]*Error: ", "");
      int code = message.startsWith("configuration: ") ? 3 : message.startsWith("data-quality gate: ") ? 4 : 1;
      System.err.println("duckdb-peer: " + message);
      System.exit(code);
    } catch (Exception e) {
      System.err.println("duckdb-peer: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    long start = System.nanoTime();
    Map<String, String> options = parseOptions(args);
    Path exports = existingFolder(options, "--exports");
    Path reference = existingFolder(options, "--reference");
    Path config = existingFolder(options, "--config");
    Path sql = existingFolder(options, "--sql");
    LocalDate asOf;
    try {
      asOf = LocalDate.parse(required(options, "--as-of"));
    } catch (DateTimeParseException e) {
      throw new Failure(2, "--as-of: not a date yyyy-MM-dd: " + options.get("--as-of"));
    }
    int threads;
    try {
      threads = Integer.parseInt(options.get("--threads"));
    } catch (NumberFormatException e) {
      threads = 0;
    }
    if (threads < 1) throw new Failure(2, "--threads: not a whole number >= 1: " + options.get("--threads"));
    String memoryLimit = options.get("--memory-limit");
    if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*[KMGT]i?B")) {
      throw new Failure(2, "--memory-limit: not a size such as 8GB: " + memoryLimit);
    }
    Path out = Path.of(required(options, "--out")).toAbsolutePath().normalize();
    List<Path> steps;
    try (Stream<Path> files = Files.list(sql)) {
      steps = files.filter(p -> p.getFileName().toString().matches("[0-9]+_.*\\.sql")).sorted().toList();
    }
    if (steps.isEmpty()) throw new Failure(2, "--sql: no NN_step.sql files in " + sql);
    Files.createDirectories(out);
    Path spill = Files.createTempDirectory(out, ".duckdb-spill-");

    Map<String, Double> seconds = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      statement.execute("SET memory_limit = " + literal(memoryLimit));
      statement.execute("SET temp_directory = " + literal(spill.toString()));
      statement.execute("SET preserve_insertion_order = false");
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("SET VARIABLE exports_dir = " + literal(exports.toString()));
      statement.execute("SET VARIABLE reference_dir = " + literal(reference.toString()));
      statement.execute("SET VARIABLE config_dir = " + literal(config.toString()));
      statement.execute("SET VARIABLE as_of = DATE " + literal(asOf.toString()));
      statement.execute("SET VARIABLE out_dir = " + literal(out.toString()));
      seconds.put("setup", (System.nanoTime() - start) / 1e9);
      for (Path step : steps) {
        long t0 = System.nanoTime();
        for (String sqlStatement : statements(Files.readString(step, StandardCharsets.UTF_8))) {
          statement.execute(sqlStatement);
        }
        String name = step.getFileName().toString().replaceFirst("^[0-9]+_", "").replaceFirst("\\.sql$", "");
        seconds.merge(name, (System.nanoTime() - t0) / 1e9, Double::sum);
      }
      StringBuilder line = new StringBuilder("duckdb-peer: as_of=" + asOf);
      try (ResultSet r = statement.executeQuery(
          "SELECT rows_read, rows_accepted, rows_rejected, coalesce(rejects_by_reason, ''), files_without_header,"
              + " (SELECT count(*) FROM export_files), (SELECT count(*) FROM order_lines),"
              + " (SELECT count(*) FROM counted_lines), (SELECT count(*) FROM customers),"
              + " (SELECT count(*) FROM revenue_monthly), (SELECT count(*) FROM commissions)"
              + " FROM read_counts")) {
        r.next();
        if (r.getLong(5) > 0) {
          System.err.println("duckdb-peer: warning: " + r.getLong(5) + " export file(s) without a header skipped");
        }
        line.append(String.format(
            ": %d files, rows read %d, accepted %d, rejected %d {%s}; order_lines %d, counted %d;"
                + " customers %d, revenue_monthly %d, commissions %d rows",
            r.getLong(6), r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getLong(7),
            r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11)));
      }
      try (ResultSet r = statement.executeQuery(
          "SELECT unknown_rep_lines, unknown_rep_ids, first_order_date::VARCHAR, short_history FROM report_warnings")) {
        r.next();
        if (r.getLong(1) > 0) {
          System.err.println("duckdb-peer: warning: " + r.getLong(1) + " counted line(s) credited to HOUSE,"
              + " rep id(s) unknown to reps.csv: " + r.getString(2));
        }
        if (r.getBoolean(4)) {
          System.err.println("duckdb-peer: warning: the counted order history starts on " + r.getString(3)
              + ", less than 12 months before program_start");
        }
      }
      line.append("; seconds:");
      seconds.forEach((name, s) -> line.append(String.format(" %s %.2f,", name, s)));
      line.setLength(line.length() - 1);
      line.append(String.format("; total %.2f s wall (threads %d, memory_limit %s) -> %s",
          (System.nanoTime() - start) / 1e9, threads, memoryLimit, out));
      System.out.println(line);
    } finally {
      deleteQuietly(spill);
    }
  }

  /** Splits a SQL file into statements at ';' outside quotes and '--' comments. */
  static List<String> statements(String sql) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inString = false;
    boolean inIdentifier = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (!inString && !inIdentifier && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
        current.append('\n');
        continue;
      }
      if (c == '\'' && !inIdentifier) inString = !inString;
      if (c == '"' && !inString) inIdentifier = !inIdentifier;
      if (c == ';' && !inString && !inIdentifier) {
        if (!current.toString().isBlank()) result.add(current.toString().strip());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    if (!current.toString().isBlank()) result.add(current.toString().strip());
    return result;
  }

  private static Map<String, String> parseOptions(String[] args) throws Failure {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--threads", "2");
    options.put("--memory-limit", "8GB");
    options.put("--sql", "bench/duckdb");
    List<String> known = List.of("--exports", "--reference", "--config", "--as-of", "--out", "--threads",
        "--memory-limit", "--sql");
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = null;
      int eq = name.indexOf('=');
      if (eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (name.equals("--help") || name.equals("-h")) throw new Failure(2, USAGE);
      if (!known.contains(name)) throw new Failure(2, "unknown option " + name + "; " + USAGE);
      if (value == null) {
        if (i + 1 >= args.length) throw new Failure(2, name + " needs a value; " + USAGE);
        value = args[++i];
      }
      options.put(name, value);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) throws Failure {
    String value = options.get(name);
    if (value == null || value.isBlank()) throw new Failure(2, name + " is required; " + USAGE);
    return value;
  }

  private static Path existingFolder(Map<String, String> options, String name) throws Failure {
    Path path = Path.of(required(options, name)).toAbsolutePath().normalize();
    if (!Files.isDirectory(path)) throw new Failure(2, name + ": not a folder: " + path);
    return path;
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String firstLine(String message) {
    if (message == null) return "(no message)";
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a left-over spill folder is harmless
    }
  }
}
