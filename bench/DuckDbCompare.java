import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the DuckDB peer's three tables (bench/DuckDbPeer.java --out DIR) with the job's
 * published ones (REPORTS/as_of=DATE/), both read with DuckDB's read_parquet: the columns and
 * their types, then the rows keyed by their natural key, every value compared exactly (money as
 * DECIMAL, never as floating point). The as_of=DATE folder is not read as a column. Prints, per table, the row counts and the differences
 * (their number and the first few); exits 0 when everything is equal, 1 when not, 2 on a wrong
 * command line.
 *
 *   java -cp target/bench/duckdb_jdbc-2.0.0.1.jar bench/DuckDbCompare.java
 *       --peer DIR --job REPORTS/as_of=YYYY-MM-DD [--show 5]
 */
public class DuckDbCompare {
  /** The tables and their natural keys. */
  private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("customers", List.of("customer_id"));
    TABLES.put("revenue_monthly", List.of("month", "region", "segment", "order_channel"));
    TABLES.put("commissions", List.of("month", "rep_id", "plan_id"));
  }

  public static void main(String[] args) {
    String peer = null;
    String job = null;
    int show = 5;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--peer" -> peer = args[++i];
          case "--job" -> job = args[++i];
          case "--show" -> show = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (peer == null || job == null) throw new IllegalArgumentException("--peer and --job are required");
      for (String folder : new String[] {peer, job}) {
        if (!Files.isDirectory(Path.of(folder))) throw new IllegalArgumentException("not a folder: " + folder);
      }
    } catch (RuntimeException e) {
      System.err.println("duckdb-compare: " + e.getMessage()
          + "; usage: java -cp DUCKDB_JDBC_JAR bench/DuckDbCompare.java --peer DIR --job REPORTS/as_of=DATE [--show N]");
      System.exit(2);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 2");
      int differences = 0;
      for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
        differences += compare(statement, table.getKey(), table.getValue(), peer, job, show);
      }
      System.out.println(differences == 0
          ? "duckdb-compare: equal (customers, revenue_monthly, commissions)"
          : "duckdb-compare: " + differences + " difference(s)");
      System.exit(differences == 0 ? 0 : 1);
    } catch (SQLException e) {
      System.err.println("duckdb-compare: " + e.getMessage().lines().findFirst().orElse(""));
      System.exit(1);
    }
  }

  private static int compare(Statement statement, String table, List<String> key, String peer, String job, int show)
      throws SQLException {
    Path peerFile = Path.of(peer, table + ".parquet");
    String peerSource = Files.isDirectory(Path.of(peer, table))
        ? Path.of(peer, table, "*.parquet").toString() : peerFile.toString();
    statement.execute("CREATE OR REPLACE TEMP VIEW p AS FROM read_parquet(" + literal(peerSource) + ", hive_partitioning = false)");
    statement.execute("CREATE OR REPLACE TEMP VIEW j AS FROM read_parquet("
        + literal(Path.of(job, table, "*.parquet").toString()) + ", hive_partitioning = false)");

    int differences = 0;
    Map<String, String> peerColumns = columns(statement, "p");
    Map<String, String> jobColumns = columns(statement, "j");
    List<String> common = new ArrayList<>();
    for (Map.Entry<String, String> column : jobColumns.entrySet()) {
      String peerType = peerColumns.get(column.getKey());
      if (peerType == null) {
        System.out.printf("%s: column %s (%s) missing in the peer%n", table, column.getKey(), column.getValue());
        differences++;
      } else {
        if (!peerType.equals(column.getValue())) {
          System.out.printf("%s: column %s is %s in the peer, %s in the job%n", table, column.getKey(), peerType,
              column.getValue());
          differences++;
        }
        common.add(column.getKey());
      }
    }
    for (String column : peerColumns.keySet()) {
      if (!jobColumns.containsKey(column)) {
        System.out.printf("%s: column %s only in the peer%n", table, column);
        differences++;
      }
    }
    if (!common.containsAll(key)) return differences + 1;

    StringBuilder on = new StringBuilder();
    for (String k : key) on.append(on.length() == 0 ? "" : " AND ").append("p.").append(q(k)).append(" IS NOT DISTINCT FROM j.").append(q(k));
    StringBuilder changed = new StringBuilder();
    StringBuilder shown = new StringBuilder();
    for (String c : common) {
      if (key.contains(c)) continue;
      changed.append(changed.length() == 0 ? "" : ", ")
          .append("CASE WHEN p.").append(q(c)).append(" IS DISTINCT FROM j.").append(q(c))
          .append(" THEN '").append(c).append(": peer ' || coalesce(p.").append(q(c)).append("::VARCHAR, 'NULL') || ', job ' || coalesce(j.")
          .append(q(c)).append("::VARCHAR, 'NULL') END");
    }
    for (String k : key) shown.append(shown.length() == 0 ? "" : " || ' ' || ").append("coalesce(p.").append(q(k)).append(", j.").append(q(k)).append(", 'NULL')::VARCHAR");
    statement.execute("CREATE OR REPLACE TEMP TABLE diff AS SELECT " + shown + " AS row_key,"
        + " CASE WHEN p." + q(key.get(0)) + " IS NULL AND j." + q(key.get(0)) + " IS NOT NULL THEN 'only in the job'"
        + " WHEN j." + q(key.get(0)) + " IS NULL AND p." + q(key.get(0)) + " IS NOT NULL THEN 'only in the peer'"
        + " ELSE concat_ws('; ', " + (changed.length() == 0 ? "NULL" : changed.toString()) + ") END AS difference"
        + " FROM p FULL OUTER JOIN j ON " + on);
    long peerRows = count(statement, "SELECT count(*) FROM p");
    long jobRows = count(statement, "SELECT count(*) FROM j");
    long duplicateKeys = count(statement, "SELECT count(*) FROM (SELECT 1 FROM p GROUP BY ALL_KEYS HAVING count(*) > 1)"
        .replace("ALL_KEYS", String.join(", ", key.stream().map(DuckDbCompare::q).toList())))
        + count(statement, "SELECT count(*) FROM (SELECT 1 FROM j GROUP BY ALL_KEYS HAVING count(*) > 1)"
        .replace("ALL_KEYS", String.join(", ", key.stream().map(DuckDbCompare::q).toList())));
    long rowDifferences = count(statement, "SELECT count(*) FROM diff WHERE difference <> ''");
    System.out.printf("%s: %d rows in the peer, %d in the job; %d row(s) differ%s%n", table, peerRows, jobRows,
        rowDifferences, duplicateKeys > 0 ? "; " + duplicateKeys + " duplicate key(s)" : "");
    try (ResultSet r = statement.executeQuery(
        "SELECT row_key, difference FROM diff WHERE difference <> '' ORDER BY row_key LIMIT " + show)) {
      while (r.next()) System.out.printf("  %s: %s%n", r.getString(1), r.getString(2));
    }
    return differences + (int) Math.min(Integer.MAX_VALUE, rowDifferences + duplicateKeys);
  }

  private static Map<String, String> columns(Statement statement, String view) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (ResultSet r = statement.executeQuery("SELECT column_name, column_type FROM (DESCRIBE " + view + ")")) {
      while (r.next()) columns.put(r.getString(1), r.getString(2));
    }
    return columns;
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet r = statement.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String q(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
