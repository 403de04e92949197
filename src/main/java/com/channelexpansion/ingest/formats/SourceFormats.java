package com.channelexpansion.ingest.formats;

import com.channelexpansion.config.ConfigurationException;
import com.channelexpansion.ingest.read.ExportFile;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source format of every input folder (from {@link SourceDefinitions}) and the rule that
 * pairs header/detail files. A file's format is that of the longest configured folder that
 * contains it; a file no folder claims is canonical unless the root ({@code .}) is configured.
 *
 * <p>Pairing: in a folder whose format is header/detail, a file matching the mapping's
 * line_file pattern is never read alone; a file matching order_file is read with the line file
 * of the same folder whose name is line_file with its {@code *} replaced by what the star of
 * order_file matched ({@code orders-0301.csv} -> {@code order-details-0301.csv}). An order file
 * without its line file, a line file without an order file, and a line file two order files
 * would share are errors: the run stops before reading anything, since a half pair would lose or
 * double lines. Files matching neither pattern are not exports.
 */
public final class SourceFormats implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Folder ("" = root) -> format. */
  private final Map<String, SourceFormat> byFolder;

  SourceFormats(Map<String, SourceFormat> byFolder) {
    this.byFolder = new LinkedHashMap<>(byFolder);
  }

  /** No sources.csv: every file is a canonical export. */
  public static SourceFormats allCanonical() {
    return new SourceFormats(Map.of());
  }

  /** The format of the file at {@code relativePath} ('/'-separated, relative to --input). */
  public SourceFormat forFile(String relativePath) {
    String folder = parentOf(relativePath);
    while (true) {
      SourceFormat format = byFolder.get(folder);
      if (format != null) {
        return format;
      }
      if (folder.isEmpty()) {
        return CanonicalFormat.INSTANCE;
      }
      folder = parentOf(folder);
    }
  }

  /**
   * The customer key of each folder whose format pseudonymizes customers ({@link
   * SourceFormat#customerKey}), in sources.csv's order; the root folder is named {@code .}.
   */
  public Map<String, CustomerPseudonymizer> customerKeys() {
    Map<String, CustomerPseudonymizer> keys = new LinkedHashMap<>();
    byFolder.forEach(
        (folder, format) ->
            format.customerKey().ifPresent(key -> keys.put(shownName(folder), key)));
    return keys;
  }

  /**
   * Decides what to read of {@code files} (as found by ExportFileFinder, in its order).
   *
   * @throws ConfigurationException when header/detail files do not pair up
   */
  public ReadPlan plan(List<ExportFile> files) {
    Map<String, ExportFile> byPath = new HashMap<>();
    for (ExportFile file : files) {
      byPath.put(file.relativePath(), file);
    }
    List<ExportRead> reads = new ArrayList<>();
    List<String> notExports = new ArrayList<>();
    Map<String, String> orderFileOfLineFile = new HashMap<>();
    for (ExportFile file : files) {
      String path = file.relativePath();
      SourceFormat format = forFile(path);
      String name = nameOf(path);
      switch (format.roleOf(name)) {
        case NOT_AN_EXPORT -> notExports.add(path);
        case LINE_FILE -> {
          // read with its order file; checked below
        }
        case EXPORT -> {
          if (!format.headerDetail()) {
            reads.add(new ExportRead(file, null, format));
            break;
          }
          String folder = parentOf(path);
          String linePath = join(folder, format.lineFileNameFor(name));
          ExportFile lineFile = findIgnoringCase(byPath, linePath);
          if (lineFile == null) {
            throw new ConfigurationException(
                "Cannot pair exports: order file " + path + " has no line file " + linePath
                    + " (" + format + ")");
          }
          String other = orderFileOfLineFile.putIfAbsent(lineFile.relativePath(), path);
          if (other != null) {
            throw new ConfigurationException(
                "Cannot pair exports: line file " + lineFile.relativePath()
                    + " would be read with two order files (" + other + ", " + path + "); give"
                    + " line_file a * so each order file has its own line file (" + format + ")");
          }
          reads.add(new ExportRead(file, lineFile, format));
        }
        default -> throw new IllegalStateException("Cannot plan: unknown file role");
      }
    }
    for (ExportFile file : files) {
      String path = file.relativePath();
      SourceFormat format = forFile(path);
      if (format.roleOf(nameOf(path)) == SourceFormat.FileRole.LINE_FILE
          && !orderFileOfLineFile.containsKey(path)) {
        throw new ConfigurationException(
            "Cannot pair exports: line file " + path + " has no order file (" + format + ")");
      }
    }
    return new ReadPlan(reads, notExports);
  }

  private static ExportFile findIgnoringCase(Map<String, ExportFile> byPath, String path) {
    ExportFile exact = byPath.get(path);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, ExportFile> entry : byPath.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(path)) {
        return entry.getValue();
      }
    }
    return null;
  }

  static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** A folder as sources.csv writes it: the root is {@code .}. */
  private static String shownName(String folder) {
    return folder.isEmpty() ? "." : folder;
  }

  private static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String join(String folder, String name) {
    return folder.isEmpty() ? name : folder + "/" + name;
  }

  @Override
  public String toString() {
    if (byFolder.isEmpty()) {
      return "all canonical";
    }
    StringBuilder text = new StringBuilder();
    byFolder.forEach(
        (folder, format) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(shownName(folder))
                .append('=')
                .append(format.getClass().getSimpleName()));
    return text.toString();
  }
}
