package com.channelexpansion.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One small configuration CSV (a definition or reference file), read whole and checked for shape.
 *
 * <p>Reading rules: UTF-8 (a leading BOM is dropped; bytes that are not UTF-8 are an error),
 * RFC 4180 records via Apache Commons CSV, CRLF, LF or a lone CR end a line. The first record is
 * the header: names are trimmed and matched case-insensitively, of two columns with the same
 * name the first counts, extra columns are ignored. Values are trimmed of spaces and tabs; a
 * value of only those is empty. Records whose values are all empty (blank lines, or the
 * {@code ,,,} rows spreadsheets leave behind) are skipped. A record with a different number of
 * values than the header is an error, since its values could sit under the wrong columns.
 *
 * <p>Every problem is a {@link ConfigurationException} naming the file and the physical line
 * where the offending record starts ({@code "accounts.csv line 4: ..."}); a file that cannot be
 * found or read at all has no line ({@code "accounts.csv: cannot read file: not found (...)"}).
 */
public final class ConfigCsvFile {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final String fileName;
  private final long headerLine;
  private final List<ConfigRow> rows;

  private ConfigCsvFile(String fileName, long headerLine, List<ConfigRow> rows) {
    this.fileName = fileName;
    this.headerLine = headerLine;
    this.rows = rows;
  }

  /**
   * Reads {@code file} and checks that its header has every required column.
   *
   * @param file the CSV file; its name (not its folder) is used in messages
   * @param requiredColumns lower-case column names the header must have
   * @throws ConfigurationException when the file is missing, unreadable, not UTF-8, not valid
   *     CSV, lacks a required column or has a record of the wrong width
   */
  public static ConfigCsvFile read(Path file, List<String> requiredColumns) {
    String fileName = file.getFileName().toString();
    String text = decode(fileName, readBytes(file, fileName));
    return parse(fileName, text, requiredColumns);
  }

  /** Parses already-decoded CSV text (a leading BOM is dropped); see {@link #read}. */
  static ConfigCsvFile parse(String fileName, String text, List<String> requiredColumns) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Map<String, Integer> columns = null;
    int headerWidth = 0;
    long headerLine = 0;
    List<ConfigRow> rows = new ArrayList<>();
    long previousEnd = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      var records = parser.iterator();
      while (true) {
        long startLine = previousEnd + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          throw ConfigurationException.at(
              fileName, startLine, "cannot read this line as CSV (" + cause(e) + ")");
        }
        previousEnd = parser.getCurrentLineNumber();
        List<String> values = new ArrayList<>(record.size());
        for (String value : record) {
          values.add(trim(value));
        }
        if (values.stream().allMatch(String::isEmpty)) {
          continue;
        }
        if (columns == null) {
          columns = header(values);
          headerWidth = values.size();
          headerLine = startLine;
          checkRequired(fileName, startLine, columns, requiredColumns);
          continue;
        }
        if (values.size() != headerWidth) {
          throw ConfigurationException.at(
              fileName,
              startLine,
              "this row has " + values.size() + " values but the header has " + headerWidth
                  + " columns (a value containing a comma must be in double quotes)");
        }
        rows.add(new ConfigRow(fileName, startLine, columns, values));
      }
    } catch (IOException e) {
      throw ConfigurationException.at(
          fileName, previousEnd + 1, "cannot read this line as CSV (" + e.getMessage() + ")");
    }
    if (columns == null) {
      throw ConfigurationException.at(
          fileName,
          1,
          "the file is empty: expected a header row naming " + String.join(", ", requiredColumns));
    }
    return new ConfigCsvFile(fileName, headerLine, Collections.unmodifiableList(rows));
  }

  /** The file's name as used in messages. */
  public String fileName() {
    return fileName;
  }

  /** Physical line of the header row (1 unless blank lines precede it). */
  public long headerLine() {
    return headerLine;
  }

  /** A problem with the file as a whole, reported at its header line. */
  public ConfigurationException problem(String problem) {
    return ConfigurationException.at(fileName, headerLine, problem);
  }

  /** The data records (header and blank records excluded), in file order. */
  public List<ConfigRow> rows() {
    return rows;
  }

  private static Map<String, Integer> header(List<String> names) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      columns.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
    }
    return columns;
  }

  private static void checkRequired(
      String fileName, long headerLine, Map<String, Integer> columns, List<String> required) {
    for (String column : required) {
      if (!columns.containsKey(column)) {
        throw ConfigurationException.at(
            fileName,
            headerLine,
            "missing column " + column + " (the header row must name: " + String.join(", ", required) + ")");
      }
    }
  }

  private static byte[] readBytes(Path file, String fileName) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigurationException(fileName + ": cannot read file: not found (" + file.toAbsolutePath() + ")", e);
    } catch (IOException e) {
      throw new ConfigurationException(
          fileName + ": cannot read file: " + e.getClass().getSimpleName() + " (" + file.toAbsolutePath() + ")", e);
    }
  }

  private static String decode(String fileName, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ConfigurationException.at(
          fileName,
          lineOfFirstBadByte(bytes),
          "not valid UTF-8 text (save the file as \"CSV UTF-8\")");
    }
  }

  /** Physical line (CRLF, LF or lone CR) of the first byte sequence that is not UTF-8. */
  static long lineOfFirstBadByte(byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    int badAt = result.isError() ? in.position() : bytes.length;
    long line = 1;
    for (int i = 0; i < badAt; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** Removes surrounding spaces and tabs only (not other whitespace). */
  static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isBlankChar(value.charAt(start))) {
      start++;
    }
    while (end > start && isBlankChar(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isBlankChar(char c) {
    return c == ' ' || c == '\t';
  }

  private static String cause(Exception e) {
    Throwable t = e.getCause() != null ? e.getCause() : e;
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "a quoted value is never closed: a \" is missing";
    }
    if (message.contains("Invalid character between encapsulated token and delimiter")) {
      return "text after a closing quote: a quote inside a value must be written as \"\"";
    }
    return message;
  }
}
