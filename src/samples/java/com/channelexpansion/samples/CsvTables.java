package com.channelexpansion.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes small CSV tables (reference data and definitions) with Apache Commons CSV. */
final class CsvTables {

  /** LF line ends: the reference exports of a Unix system. */
  static final CSVFormat UNIX = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  /** CRLF line ends: files sales ops save from Excel. */
  static final CSVFormat EXCEL = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

  private CsvTables() {}

  /** Opens a printer on {@code file} (parents created), header already written. */
  static CSVPrinter open(Path file, CSVFormat format, String... header) {
    try {
      Files.createDirectories(file.getParent());
      BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      CSVPrinter printer = new CSVPrinter(writer, format);
      printer.printRecord((Object[]) header);
      return printer;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes a whole table: header then rows. */
  static void write(Path file, CSVFormat format, List<String> header, List<List<?>> rows) {
    try (CSVPrinter printer = open(file, format, header.toArray(String[]::new))) {
      for (List<?> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static void printRecord(CSVPrinter printer, Object... values) {
    try {
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write CSV record: " + e.getMessage(), e);
    }
  }

  static void close(CSVPrinter printer) {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close CSV file: " + e.getMessage(), e);
    }
  }
}
