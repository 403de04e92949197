package com.channelexpansion.ingest;

import com.channelexpansion.ingest.read.ExportFile;
import com.channelexpansion.io.UnusableFolderException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
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
 *
 * <p>A symbolic link below --input (file or folder) is not followed but listed in
 * {@link Listing#symbolicLinks()}: whoever can drop a link in the landing folder could otherwise
 * copy any file the job can read into the rejects table. Local folders are listed with java.nio
 * (which sees links, and takes any name the operating system does, colons included); other file
 * systems through Hadoop, where {@link FileStatus#isSymlink()} tells links apart.
 */
public final class ExportFileFinder {
  private ExportFileFinder() {}

  /**
   * What a listing found.
   *
   * @param files the export files, in code point order of their relative paths
   * @param symbolicLinks relative paths of the links that were not followed, in the same order
   */
  public record Listing(List<ExportFile> files, List<String> symbolicLinks) {}

  public static Listing find(String inputDir, Configuration hadoopConf) throws IOException {
    Path root = new Path(inputDir);
    FileSystem fs = root.getFileSystem(hadoopConf);
    if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
      throw new UnusableFolderException(
          "Cannot read exports: --input " + inputDir + " does not exist or is not a folder", null);
    }
    Path qualifiedRoot = fs.makeQualified(root);
    List<ExportFile> files = new ArrayList<>();
    List<String> links = new ArrayList<>();
    if ("file".equals(qualifiedRoot.toUri().getScheme())) {
      collectLocal(java.nio.file.Path.of(qualifiedRoot.toUri()), "", files, links);
    } else {
      collect(fs, qualifiedRoot, "", files, links);
    }
    files.sort(Comparator.comparing(ExportFile::relativePath, ExportFileFinder::compareCodePoints));
    links.sort(ExportFileFinder::compareCodePoints);
    return new Listing(files, links);
  }

  private static void collectLocal(
      java.nio.file.Path dir, String prefix, List<ExportFile> out, List<String> links)
      throws IOException {
    try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(dir)) {
      for (java.nio.file.Path entry : entries) {
        String name = entry.getFileName().toString();
        if (hidden(name)) {
          continue;
        }
        String relative = relative(prefix, name);
        BasicFileAttributes attributes =
            Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
          links.add(relative);
        } else if (attributes.isDirectory()) {
          collectLocal(entry, relative, out, links);
        } else if (isExportName(name) && attributes.isRegularFile()) {
          out.add(
              new ExportFile(
                  relative,
                  entry.toUri().toString(),
                  attributes.size(),
                  attributes.lastModifiedTime().toMillis(),
                  null));
        }
      }
    }
  }

  private static void collect(
      FileSystem fs, Path dir, String prefix, List<ExportFile> out, List<String> links)
      throws IOException {
    for (FileStatus status : fs.listStatus(dir)) {
      String name = status.getPath().getName();
      if (hidden(name)) {
        continue;
      }
      String relative = relative(prefix, name);
      if (status.isSymlink()) {
        links.add(relative);
      } else if (status.isDirectory()) {
        collect(fs, status.getPath(), relative, out, links);
      } else if (isExportName(name)) {
        out.add(
            new ExportFile(
                relative,
                status.getPath().toUri().toString(),
                status.getLen(),
                status.getModificationTime(),
                null));
      }
    }
  }

  private static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  private static boolean isExportName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  private static String relative(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "/" + name;
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
