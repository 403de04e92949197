package com.channelexpansion.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the export files of a run: every {@code *.csv} (suffix in any case) below --input,
 * recursively, skipping files and folders whose names start with {@code .} or {@code _} (editor
 * backups, Spark/Hadoop markers, files still being copied). Sorted by relative path in Unicode
 * code point order, which is also the order ties between duplicates are decided in. Listing reads
 * no file: checksums are computed only for files the ledger cannot vouch for.
 */
public final class ExportFileFinder {
  private ExportFileFinder() {}

  public static List<ExportFile> find(String inputDir, Configuration hadoopConf) throws IOException {
    Path root = new Path(inputDir);
    FileSystem fs = root.getFileSystem(hadoopConf);
    if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
      throw new IOException("Cannot read exports: input folder does not exist (" + inputDir + ")");
    }
    Path qualifiedRoot = fs.makeQualified(root);
    List<ExportFile> files = new ArrayList<>();
    collect(fs, qualifiedRoot, "", files);
    files.sort(Comparator.comparing(ExportFile::relativePath, ExportFileFinder::compareCodePoints));
    return files;
  }

  private static void collect(FileSystem fs, Path dir, String prefix, List<ExportFile> out)
      throws IOException {
    for (FileStatus status : fs.listStatus(dir)) {
      String name = status.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      String relative = prefix.isEmpty() ? name : prefix + "/" + name;
      if (status.isDirectory()) {
        collect(fs, status.getPath(), relative, out);
      } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        out.add(
            new ExportFile(
                relative,
                status.getPath().toString(),
                status.getLen(),
                status.getModificationTime(),
                null));
      }
    }
  }

  /** Orders strings by Unicode code point (String.compareTo orders UTF-16 units). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
