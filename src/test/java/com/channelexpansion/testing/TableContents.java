package com.channelexpansion.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares published folders by content, not bytes: a Parquet table (a folder of part files) or a
 * Delta table (a folder with {@code _delta_log}) by its schema and its rows as a multiset, every
 * other file by its bytes. Writers may split a table into other files from run to run; its rows,
 * values and types must not change.
 */
public final class TableContents {
  private TableContents() {}

  /** A Delta table as its latest version. */
  public static Dataset<Row> delta(Path table) {
    return SharedSpark.get().read().format("delta").load(table.toString());
  }

  /** The warehouse's order_lines table (Delta) as its latest version. */
  public static Dataset<Row> orderLines(Path warehouse) {
    return delta(warehouse.resolve("order_lines"));
  }

  /**
   * What differs between two folders: each table (by its path relative to the folder) whose
   * schema or rows differ, or that exists on one side only, and each other file whose bytes
   * differ. Files named in {@code skip} are ignored.
   */
  public static List<String> differences(Path one, Path two, String... skip) throws IOException {
    TreeSet<String> tables = new TreeSet<>(tables(one));
    tables.addAll(tables(two));
    List<String> different = new ArrayList<>();
    for (String table : tables) {
      if (!Files.isDirectory(one.resolve(table)) || !Files.isDirectory(two.resolve(table))
          || !sameContent(read(one.resolve(table)), read(two.resolve(table)))) {
        different.add(table.isEmpty() ? "(the table)" : table + "/");
      }
    }
    TreeSet<String> files = new TreeSet<>(otherFiles(one, tables, skip));
    files.addAll(otherFiles(two, tables, skip));
    for (String name : files) {
      Path a = one.resolve(name);
      Path b = two.resolve(name);
      if (!Files.exists(a) || !Files.exists(b) || Files.mismatch(a, b) != -1) {
        different.add(name);
      }
    }
    return different;
  }

  /** True when both have the same schema and the same rows, each as often. */
  public static boolean sameContent(Dataset<Row> a, Dataset<Row> b) {
    return a.schema().asNullable().equals(b.schema().asNullable())
        && a.exceptAll(b).isEmpty()
        && b.exceptAll(a).isEmpty();
  }

  private static Dataset<Row> read(Path table) {
    SparkSession spark = SharedSpark.get();
    return Files.isDirectory(table.resolve("_delta_log"))
        ? delta(table)
        : spark.read().parquet(table.toString());
  }

  /** Folders (relative) holding a Delta log or Parquet files directly or in partition folders. */
  private static List<String> tables(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    TreeSet<String> tables = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(
          p -> {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p) && name.equals("_delta_log")) {
              tables.add(root.relativize(p.getParent()).toString());
            } else if (Files.isRegularFile(p) && name.endsWith(".parquet")) {
              tables.add(root.relativize(tableOf(p)).toString());
            }
          });
    }
    if (tables.contains("")) {
      return List.of(""); // the folder is one table
    }
    return new ArrayList<>(tables);
  }

  /** The table a part file belongs to: its folder, above any {@code column=value} folders. */
  private static Path tableOf(Path partFile) {
    Path folder = partFile.getParent();
    while (folder.getFileName().toString().contains("=") && !folder.getFileName().toString().startsWith("as_of=")) {
      folder = folder.getParent();
    }
    return folder;
  }

  private static List<String> otherFiles(Path root, TreeSet<String> tables, String... skip)
      throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<String> skipped = List.of(skip);
    return SmallSamples.files(root).stream()
        .filter(name -> tables.stream().noneMatch(table -> table.isEmpty() || name.startsWith(table + "/")))
        .filter(name -> !skipped.contains(Path.of(name).getFileName().toString()))
        .filter(name -> !name.endsWith(".crc"))
        .toList();
  }
}
