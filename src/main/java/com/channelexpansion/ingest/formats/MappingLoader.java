package com.channelexpansion.ingest.formats;

import com.channelexpansion.config.ConfigCsvFile;
import com.channelexpansion.config.ConfigRow;
import com.channelexpansion.config.ConfigurationException;
import com.channelexpansion.ingest.read.CsvRecordScanner;
import com.channelexpansion.ingest.read.RawOrderLine;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a mapping file: a {@code key,value} CSV (read like every config file) whose
 * keys are canonical column names or settings (docs/formats.md lists them). Every problem is a
 * {@link ConfigurationException} "file line N: problem", raised before any data is read.
 *
 * <p>Values of canonical columns: {@code column:Name}, {@code order_column:Name} (header/detail
 * only), {@code const:VALUE}, or {@code position} (line_number only). Every required canonical
 * column must be mapped. Settings: encoding (default UTF-8), delimiter (default comma; also
 * {@code semicolon}, {@code tab}, {@code pipe} or the character itself), null_tokens (values
 * meaning empty, separated by {@code |}, case ignored), timestamp_pattern (java.time pattern, e.g.
 * {@code dd/MM/yyyy HH:mm}; empty = values are canonical already), decimal_separator ({@code .}
 * or {@code ,}), discount_is_fraction_of_line (true/false), order_file (default {@code *.csv}),
 * line_file, join_key, line_join_key (default = join_key). Optional {@code order_discount_amount}
 * names a column (or order_column) holding a discount on the whole order, read once per order and
 * spread over its lines. Unknown and repeated keys are errors.
 */
public final class MappingLoader {
  static final String ENCODING = "encoding";
  static final String DELIMITER = "delimiter";
  static final String NULL_TOKENS = "null_tokens";
  static final String TIMESTAMP_PATTERN = "timestamp_pattern";
  static final String DECIMAL_SEPARATOR = "decimal_separator";
  static final String DISCOUNT_IS_FRACTION = "discount_is_fraction_of_line";
  static final String ORDER_FILE = "order_file";
  static final String LINE_FILE = "line_file";
  static final String JOIN_KEY = "join_key";
  static final String LINE_JOIN_KEY = "line_join_key";
  /** Optional field: a discount on the whole order, not on its lines (read once per order). */
  public static final String ORDER_DISCOUNT = "order_discount_amount";

  private static final Set<String> SETTINGS =
      Set.of(
          ENCODING, DELIMITER, NULL_TOKENS, TIMESTAMP_PATTERN, DECIMAL_SEPARATOR,
          DISCOUNT_IS_FRACTION, ORDER_FILE, LINE_FILE, JOIN_KEY, LINE_JOIN_KEY);

  private MappingLoader() {}

  /** Loads and checks {@code file}. */
  public static ColumnMapping load(Path file) {
    return parse(ConfigCsvFile.read(file, List.of("key", "value")));
  }

  static ColumnMapping parse(ConfigCsvFile file) {
    Map<String, ConfigRow> rows = rowsByKey(file);
    String lineFile = text(rows, LINE_FILE);
    boolean headerDetail = lineFile != null;
    Map<String, FieldSource> fields = canonicalFields(file, rows, headerDetail);
    putOrderDiscount(rows, headerDetail, fields);

    String encoding = orDefault(text(rows, ENCODING), "UTF-8");
    Charset charset = charset(rows.get(ENCODING), encoding);
    char delimiter = delimiter(rows.get(DELIMITER));
    Set<String> nullTokens = nullTokens(text(rows, NULL_TOKENS));
    String pattern = timestampPattern(rows);
    boolean decimalComma = decimalComma(rows.get(DECIMAL_SEPARATOR));
    boolean discountFraction =
        rows.containsKey(DISCOUNT_IS_FRACTION) && rows.get(DISCOUNT_IS_FRACTION).bool("value");

    String orderFile = orDefault(text(rows, ORDER_FILE), "*.csv");
    checkPattern(rows.get(ORDER_FILE), file, ORDER_FILE, orderFile);
    String joinKey = text(rows, JOIN_KEY);
    String lineJoinKey = lineJoinKey(file, rows, orderFile, lineFile, joinKey);
    return new ColumnMapping(
        file.fileName(), fields, charset.name(), delimiter, nullTokens, pattern, decimalComma,
        discountFraction, orderFile, lineFile, joinKey, lineJoinKey);
  }

  /** The file's rows by lower-case key; an unknown or repeated key is an error. */
  private static Map<String, ConfigRow> rowsByKey(ConfigCsvFile file) {
    Map<String, ConfigRow> rows = new HashMap<>();
    for (ConfigRow row : file.rows()) {
      String key = row.requiredText("key").toLowerCase(Locale.ROOT);
      if (!SETTINGS.contains(key)
          && !RawOrderLine.CANONICAL_COLUMNS.contains(key)
          && !key.equals(ORDER_DISCOUNT)) {
        throw row.problem(
            "unknown key " + quote(key) + " (expected a canonical column such as order_id, or one of "
                + String.join(", ", new java.util.TreeSet<>(SETTINGS)) + ")");
      }
      if (rows.putIfAbsent(key, row) != null) {
        throw row.problem("key " + key + " is repeated (first on line " + rows.get(key).line() + ")");
      }
    }
    return rows;
  }

  /** The source of each mapped canonical column; a required column left unmapped is an error. */
  private static Map<String, FieldSource> canonicalFields(
      ConfigCsvFile file, Map<String, ConfigRow> rows, boolean headerDetail) {
    Map<String, FieldSource> fields = new HashMap<>();
    for (String column : RawOrderLine.CANONICAL_COLUMNS) {
      ConfigRow row = rows.get(column);
      String value = row == null ? "" : row.text("value");
      if (value.isEmpty()) {
        if (RawOrderLine.REQUIRED_COLUMNS.contains(column)) {
          throw file.problem(
              "required column " + column + " is not mapped (add a row " + column
                  + ",column:<source column> or " + column + ",const:<value>)");
        }
        continue;
      }
      fields.put(column, fieldSource(row, column, value, headerDetail));
    }
    return fields;
  }

  /** Adds the optional order-level discount's source to {@code fields}: a column, never a constant. */
  private static void putOrderDiscount(
      Map<String, ConfigRow> rows, boolean headerDetail, Map<String, FieldSource> fields) {
    String orderDiscount = text(rows, ORDER_DISCOUNT);
    if (orderDiscount != null) {
      FieldSource source = fieldSource(rows.get(ORDER_DISCOUNT), ORDER_DISCOUNT, orderDiscount, headerDetail);
      if (source.kind() == FieldSource.Kind.CONSTANT) {
        throw rows.get(ORDER_DISCOUNT)
            .problem(ORDER_DISCOUNT + " must be a column:<name> or order_column:<name>, not a constant");
      }
      fields.put(ORDER_DISCOUNT, source);
    }
  }

  /** The null tokens ({@code |}-separated, stripped, lower-case), in their order; none for null. */
  private static Set<String> nullTokens(String tokens) {
    Set<String> nullTokens = new LinkedHashSet<>();
    if (tokens != null) {
      for (String token : tokens.split("\\|")) {
        if (!token.strip().isEmpty()) {
          nullTokens.add(token.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return nullTokens;
  }

  /** The timestamp pattern, or null; a pattern java.time cannot use is an error. */
  private static String timestampPattern(Map<String, ConfigRow> rows) {
    String pattern = text(rows, TIMESTAMP_PATTERN);
    if (pattern != null) {
      try {
        MappedValues.formatter(pattern);
      } catch (IllegalArgumentException e) {
        throw rows.get(TIMESTAMP_PATTERN)
            .problem("timestamp_pattern " + quote(pattern) + " is not a java.time pattern ("
                + e.getMessage() + ")");
      }
    }
    return pattern;
  }

  /**
   * The line file's join key (default: the join key), once the header/detail settings are checked
   * to agree: a line file needs a join key, and a join key needs a line file.
   */
  private static String lineJoinKey(
      ConfigCsvFile file, Map<String, ConfigRow> rows, String orderFile, String lineFile,
      String joinKey) {
    String lineJoinKey = text(rows, LINE_JOIN_KEY);
    if (lineFile != null) {
      checkPattern(rows.get(LINE_FILE), file, LINE_FILE, lineFile);
      if (FileNamePattern.hasStar(lineFile) && !FileNamePattern.hasStar(orderFile)) {
        throw rows.get(LINE_FILE)
            .problem("line_file has a * but order_file has none: the star carries the part of "
                + "the order file's name that names its line file");
      }
      if (joinKey == null) {
        throw rows.get(LINE_FILE).problem("line_file is set but join_key is not");
      }
      if (lineJoinKey == null) {
        lineJoinKey = joinKey;
      }
    } else if (joinKey != null || lineJoinKey != null) {
      ConfigRow row = joinKey != null ? rows.get(JOIN_KEY) : rows.get(LINE_JOIN_KEY);
      throw row.problem("a join key needs line_file (the file of order lines) too");
    }
    return lineJoinKey;
  }

  private static FieldSource fieldSource(
      ConfigRow row, String column, String value, boolean headerDetail) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("position")) {
      if (!column.equals("line_number")) {
        throw row.problem("position can only be the source of line_number");
      }
      return new FieldSource(FieldSource.Kind.POSITION, null);
    }
    int colon = value.indexOf(':');
    String prefix = colon < 0 ? "" : lower.substring(0, colon);
    String rest = colon < 0 ? "" : value.substring(colon + 1).strip();
    FieldSource.Kind kind =
        switch (prefix) {
          case "column" -> FieldSource.Kind.COLUMN;
          case "order_column" -> FieldSource.Kind.ORDER_COLUMN;
          case "const" -> FieldSource.Kind.CONSTANT;
          default -> throw row.problem(
              column + " " + quote(value)
                  + " is not a source (expected column:<name>, order_column:<name>, const:<value>"
                  + " or position)");
        };
    if (rest.isEmpty()) {
      throw row.problem(column + " " + quote(value) + " names no " + (kind == FieldSource.Kind.CONSTANT ? "value" : "column"));
    }
    if (kind == FieldSource.Kind.ORDER_COLUMN && !headerDetail) {
      throw row.problem(
          column + " " + quote(value) + ": order_column needs line_file (a header/detail export);"
              + " use column:" + rest);
    }
    return new FieldSource(kind, rest);
  }

  private static Charset charset(ConfigRow row, String encoding) {
    Charset charset;
    try {
      charset = Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw row.problem("encoding " + quote(encoding) + " is not a known charset (e.g. UTF-8, windows-1252)");
    }
    if (!CsvRecordScanner.isSupportedCharset(charset)) {
      throw row.problem(
          "encoding " + quote(encoding)
              + " is not supported: use UTF-8 or a single-byte charset such as windows-1252 or ISO-8859-1");
    }
    return charset;
  }

  private static char delimiter(ConfigRow row) {
    if (row == null || row.text("value").isEmpty()) {
      return ',';
    }
    String value = row.text("value");
    char delimiter =
        switch (value.toLowerCase(Locale.ROOT)) {
          case "comma" -> ',';
          case "semicolon" -> ';';
          case "tab" -> '\t';
          case "pipe" -> '|';
          default -> {
            if (value.length() != 1) {
              throw row.problem(
                  "delimiter " + quote(value) + " must be one character or comma, semicolon, tab, pipe");
            }
            yield value.charAt(0);
          }
        };
    if (!CsvRecordScanner.isSupportedDelimiter(delimiter)) {
      throw row.problem("delimiter " + quote(value) + " cannot separate fields (a quote, line break or space)");
    }
    return delimiter;
  }

  private static boolean decimalComma(ConfigRow row) {
    if (row == null || row.text("value").isEmpty()) {
      return false;
    }
    return switch (row.text("value").toLowerCase(Locale.ROOT)) {
      case ".", "point", "dot" -> false;
      case ",", "comma" -> true;
      default -> throw row.problem(
          "decimal_separator " + quote(row.text("value")) + " must be . or , (point or comma)");
    };
  }

  private static void checkPattern(ConfigRow row, ConfigCsvFile file, String key, String pattern) {
    String why = FileNamePattern.problem(pattern);
    if (why != null) {
      throw (row == null ? file.problem(key + " " + why) : row.problem(key + " " + quote(pattern) + " " + why));
    }
  }

  private static String text(Map<String, ConfigRow> rows, String key) {
    ConfigRow row = rows.get(key);
    return row == null ? null : row.optionalText("value");
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String quote(String value) {
    return "\"" + value + "\"";
  }
}
