package com.channelexpansion.ingest.formats;

import com.channelexpansion.config.ConfigCsvFile;
import com.channelexpansion.config.ConfigRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Loads the optional {@code sources.csv} of --config: which source format each input folder
 * holds. Without the file every export is canonical.
 *
 * <p>Columns: {@code folder} (relative to --input, '/'-separated; empty or {@code .} = every file
 * no other row claims), {@code format} ({@code canonical}, {@code shopify} or {@code mapped}, case
 * ignored), {@code mapping} (mapped only: a mapping file's name in --config, loaded and checked
 * now), {@code customer_key} (shopify only: the secret key of the customer pseudonyms, at least
 * 16 characters, or {@code env:NAME} to take it from environment variable NAME). A folder applies
 * to the files below it at any depth; the longest matching folder wins. Repeated folders, a
 * folder with {@code ..} or a leading {@code /}, a mapping or key on a row whose format does not
 * use it, and a missing one where it does are errors ("sources.csv line N: problem").
 */
public final class SourceDefinitions {
  /** The file's name in --config. */
  public static final String FILE_NAME = "sources.csv";

  private SourceDefinitions() {}

  /** The formats of --config's sources.csv, or every file canonical when there is none. */
  public static SourceFormats load(Path configDir) {
    return load(configDir, System::getenv);
  }

  /** As {@link #load(Path)}, reading {@code env:NAME} keys through {@code environment}. */
  static SourceFormats load(Path configDir, UnaryOperator<String> environment) {
    Path file = configDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return SourceFormats.allCanonical();
    }
    ConfigCsvFile csv = ConfigCsvFile.read(file, List.of("folder", "format"));
    Map<String, SourceFormat> byFolder = new LinkedHashMap<>();
    Map<String, Long> lineOfFolder = new LinkedHashMap<>();
    for (ConfigRow row : csv.rows()) {
      String folder = folder(row);
      Long previous = lineOfFolder.putIfAbsent(folder, row.line());
      if (previous != null) {
        throw row.problem(
            "folder " + quote(folder.isEmpty() ? "." : folder) + " is listed twice (first on line "
                + previous + ")");
      }
      byFolder.put(folder, format(row, configDir, environment));
    }
    return new SourceFormats(byFolder);
  }

  /** The folder as a '/'-separated path without leading ./ or trailing /; "" for the root. */
  static String folder(ConfigRow row) {
    String folder = folderName(row.text("folder"));
    if (folder.startsWith("/")) {
      throw row.problem("folder " + quote(row.text("folder")) + " must be relative to --input");
    }
    for (String part : folder.split("/")) {
      if (part.equals("..") || (part.isEmpty() && !folder.isEmpty())) {
        throw row.problem("folder " + quote(row.text("folder")) + " must be a plain folder below --input");
      }
    }
    return folder;
  }

  /**
   * A folder name as sources.csv's rows and {@code customer-key --folder} compare them:
   * '/'-separated, without leading {@code ./} or trailing {@code /}; "" for the root ({@code .}).
   */
  public static String folderName(String text) {
    String folder = text.replace('\\', '/');
    while (folder.startsWith("./")) {
      folder = folder.substring(2);
    }
    while (folder.endsWith("/")) {
      folder = folder.substring(0, folder.length() - 1);
    }
    return folder.equals(".") ? "" : folder;
  }

  private static SourceFormat format(ConfigRow row, Path configDir, UnaryOperator<String> environment) {
    String format = row.requiredText("format").toLowerCase(Locale.ROOT);
    String mapping = row.text("mapping");
    String key = row.text("customer_key");
    switch (format) {
      case "canonical":
        refuse(row, "mapping", mapping, format);
        refuse(row, "customer_key", key, format);
        return CanonicalFormat.INSTANCE;
      case "shopify":
        refuse(row, "mapping", mapping, format);
        return new ShopifyOrdersFormat(new CustomerPseudonymizer(customerKey(row, key, environment)));
      case "mapped":
        refuse(row, "customer_key", key, format);
        if (mapping.isEmpty()) {
          throw row.problem("format mapped needs a mapping (a mapping file's name in the config folder)");
        }
        if (mapping.contains("/") || mapping.contains("\\") || mapping.startsWith(".")) {
          throw row.problem("mapping " + quote(mapping) + " must be a file name in the config folder");
        }
        Path mappingFile = configDir.resolve(mapping);
        if (!Files.exists(mappingFile)) {
          throw row.problem("mapping file " + quote(mapping) + " not found in " + configDir);
        }
        return new MappedFormat(MappingLoader.load(mappingFile));
      default:
        throw row.problem(
            "format " + quote(row.text("format")) + " is not one of canonical, shopify, mapped");
    }
  }

  private static String customerKey(ConfigRow row, String key, UnaryOperator<String> environment) {
    if (key.isEmpty()) {
      throw row.problem(
          "format shopify needs a customer_key (the secret that pseudonymizes customers; env:NAME"
              + " reads it from an environment variable)");
    }
    String resolved = key;
    String where = "customer_key";
    if (key.regionMatches(true, 0, "env:", 0, 4)) {
      String variable = key.substring(4).strip();
      resolved = environment.apply(variable);
      where = "environment variable " + variable;
      if (resolved == null || resolved.isEmpty()) {
        throw row.problem("customer_key: " + where + " is not set");
      }
    }
    if (resolved.length() < CustomerPseudonymizer.MIN_KEY_LENGTH) {
      throw row.problem(
          where + " is too short: at least " + CustomerPseudonymizer.MIN_KEY_LENGTH
              + " characters (a short key lets anyone recompute customer ids from e-mails)");
    }
    return resolved;
  }

  private static void refuse(ConfigRow row, String column, String value, String format) {
    if (!value.isEmpty()) {
      throw row.problem(column + " is set but format " + format + " does not use it");
    }
  }

  private static String quote(String value) {
    return "\"" + value + "\"";
  }

}
