import org.apache.spark.sql.SparkSession;

/**
 * The engine's floor for the benchmark: Spark's own plain CSV-to-Parquet conversion of the same
 * export files (header, every column a string, no validation), in the same local session setup.
 * Run with the single-file launcher: java -cp CLASSPATH bench/CsvToParquetFloor.java IN OUT
 */
public class CsvToParquetFloor {
  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .appName("csv-to-parquet-floor")
            .master("local[*]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.read()
        .option("header", "true")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.csv")
        .csv(args[0])
        .write()
        .mode("overwrite")
        .parquet(args[1]);
    spark.stop();
  }
}
