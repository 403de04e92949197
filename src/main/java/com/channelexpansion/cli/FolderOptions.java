package com.channelexpansion.cli;

import com.channelexpansion.io.UnusableFolderException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks the folders of the command line before any work, so that a mistyped path ends with the
 * exit code PRODUCT.md gives it rather than a stack trace from deep inside Spark or Hadoop:
 * {@link #existing} and {@link #creatable} throw a {@link ParameterException} (exit 2) for a local
 * path that does not exist or is not a folder; {@link #writable} throws an
 * {@link UnusableFolderException} (exit 3) when the job cannot write a file in the folder.
 * Paths with a Hadoop scheme other than {@code file:} (s3a://, hdfs://) are left to Hadoop.
 */
final class FolderOptions {
  private static final Pattern OTHER_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

  private FolderOptions() {}

  /** An input folder: it must exist and be a folder. */
  static void existing(CommandLine command, String option, String folder) {
    Path path = local(command, option, folder);
    if (path == null) {
      return;
    }
    if (!Files.exists(path)) {
      throw usage(command, option, folder, "does not exist");
    }
    if (!Files.isDirectory(path)) {
      throw usage(command, option, folder, "is not a folder");
    }
  }

  /** An output folder: a folder, or a path the job can create (no file on its way). */
  static void creatable(CommandLine command, String option, String folder) {
    Path path = local(command, option, folder);
    if (path == null) {
      return;
    }
    Path existing = path.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw usage(
          command, option, folder,
          existing.equals(path.toAbsolutePath()) ? "is not a folder" : "is inside a file (" + existing + ")");
    }
  }

  /**
   * Creates the output folder and writes and deletes a marker file in it (named with {@code _}:
   * readers skip it), so that a folder the job cannot write stops the run before it takes the
   * lock or starts Spark.
   */
  static void writable(String option, String folder, String runId, Configuration conf) {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(folder);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.mkdirs(root)) {
        throw new IOException("cannot create it");
      }
      org.apache.hadoop.fs.Path probe = new org.apache.hadoop.fs.Path(root, "_write-check-" + runId);
      fs.create(probe, false).close();
      fs.delete(probe, false);
    } catch (IOException | RuntimeException e) {
      throw new UnusableFolderException(
          "Cannot write to the " + option + " folder " + folder + " (" + firstLine(e.getMessage())
              + "): give the job's user write access to it, or choose another " + option, e);
    }
  }

  /** The local path of {@code folder}, or null for a Hadoop URI of another file system. */
  private static Path local(CommandLine command, String option, String folder) {
    try {
      if (folder.startsWith("file:")) {
        return Path.of(URI.create(folder));
      }
      return OTHER_SCHEME.matcher(folder).matches() ? null : Path.of(folder);
    } catch (IllegalArgumentException e) {
      throw usage(command, option, folder, "is not a path (" + e.getMessage() + ")");
    }
  }

  private static ParameterException usage(
      CommandLine command, String option, String folder, String problem) {
    return new ParameterException(command, option + " " + folder + " " + problem);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
