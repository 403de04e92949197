package com.channelexpansion.samples;

import com.channelexpansion.ingest.validate.RejectReason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes exports/: one file a day ({@code exports/yyyy/orders-yyyy-MM-dd.csv}) holding the day's
 * lines after some of yesterday's re-exported lines, with the planted bad rows, blank lines and
 * file quirks of the sample set, plus the files the reader must skip. Streams: only one day's
 * rows are in memory.
 */
final class ExportTreeWriter {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String MULTI_LINE_NOTE = "Two deliveries:\nfirst pallet Monday, second pallet Friday";

  /** Planted bad rows per share of records, per reason (7 reasons: about 0.2 % in all). */
  static final double BAD_ROWS_PER_REASON = 0.0003;

  private final Path exportsDir;
  private final BadRowFactory badRows;
  private final GenerationSummary summary;
  private final SplittableRandom random;
  private final Map<LocalDate, List<RejectReason>> plantedByDay = new TreeMap<>();
  private final LocalDate multiLineNoteDay;
  private final LocalDate invalidUtf8Day;
  private final LocalDate unterminatedQuoteDay;
  private final LocalDate missingColumnDay;
  private final LocalDate upperCaseSuffixDay;
  private final Set<LocalDate> oddButValidDays;
  private final LocalDate emptyFileDay;
  private final int[] variantCounters = new int[RejectReason.values().length];
  private OrderLine lastTemplate;
  private int oddButValidCount;

  ExportTreeWriter(Path exportsDir, SampleCalendar calendar, int lines, BadRowFactory badRows,
      GenerationSummary summary, SplittableRandom random) {
    this.exportsDir = exportsDir;
    this.badRows = badRows;
    this.summary = summary;
    this.random = random;
    LocalDate s = calendar.start();
    this.multiLineNoteDay = weekday(s.plusDays(100));
    this.invalidUtf8Day = weekday(s.plusDays(250));
    this.unterminatedQuoteDay = weekday(s.plusDays(400));
    this.missingColumnDay = weekday(s.plusDays(600));
    this.upperCaseSuffixDay = weekday(s.plusDays(700));
    this.oddButValidDays =
        Set.of(weekday(s.plusDays(50)), weekday(s.plusDays(150)), weekday(s.plusDays(300)), weekday(s.plusDays(500)));
    this.emptyFileDay = calendar.days().stream().filter(d -> SampleCalendar.volumeFactor(d) == 0.0).findFirst().orElse(null);
    List<LocalDate> weekdays =
        calendar.days().stream().filter(d -> SampleCalendar.volumeFactor(d) == 1.0).toList();
    long perReason = Math.max(1, Math.round(lines * BAD_ROWS_PER_REASON));
    for (RejectReason reason : RejectReason.values()) {
      for (long i = 0; i < perReason; i++) {
        LocalDate day = weekdays.get(random.nextInt(weekdays.size()));
        plantedByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(reason);
      }
    }
  }

  private static LocalDate weekday(LocalDate day) {
    LocalDate d = day;
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Writes the file of {@code day}: re-exported lines of yesterday first, then the day's lines. */
  void writeDay(LocalDate day, List<OrderLine> reExported, List<OrderLine> fresh) {
    String name = "orders-" + day + (day.equals(upperCaseSuffixDay) ? ".CSV" : ".csv");
    Path file = exportsDir.resolve(Integer.toString(day.getYear())).resolve(name);
    if (day.equals(emptyFileDay)) {
      writeFile(file, null, List.of()); // the export job crashed: no header at all
      summary.countHeaderless(day.getYear() + "/" + name);
      return;
    }
    ExportLayout layout = ExportLayout.random(random);
    boolean forceNotes = day.equals(multiLineNoteDay) || oddButValidDays.contains(day);
    if (forceNotes && !layout.hasNotes()) {
      layout = ExportLayout.plain().withNotes();
    }
    List<ExportRow> rows = new ArrayList<>();
    for (OrderLine line : reExported) {
      rows.add(ExportRow.good(line, layout));
    }
    summary.countDuplicates(reExported.size());
    for (int i = 0; i < fresh.size(); i++) {
      OrderLine line = fresh.get(i);
      if (i == 0 && day.equals(multiLineNoteDay)) {
        rows.add(ExportRow.good(line.withNotes(MULTI_LINE_NOTE), layout));
      } else if (i == 0 && oddButValidDays.contains(day)) {
        rows.add(BadRowFactory.oddButValid(line, layout, oddButValidCount++));
      } else {
        rows.add(ExportRow.good(line, layout));
      }
    }
    if (!fresh.isEmpty()) {
      lastTemplate = fresh.get(random.nextInt(fresh.size()));
    }
    for (RejectReason reason : plantedByDay.getOrDefault(day, List.of())) {
      int variant = variantCounters[reason.ordinal()]++;
      insert(rows, badRows.make(reason, variant, template(day), layout));
    }
    if (day.equals(invalidUtf8Day)) {
      insert(rows, badRows.invalidUtf8(template(day), layout));
    }
    double blankDraw = random.nextDouble();
    if (blankDraw < 0.03) {
      insert(rows, ExportRow.blank(""));
    } else if (blankDraw < 0.05) {
      insert(rows, ExportRow.blank(" \t "));
    }
    if (day.equals(unterminatedQuoteDay)) {
      rows.add(badRows.unterminatedQuote(template(day), layout)); // must stay last
    } else if (random.nextDouble() < 0.03) {
      rows.add(ExportRow.blank(""));
    }
    writeFile(file, layout, rows);
    summary.countFile();
    rows.forEach(summary::countRow);
    if (day.equals(missingColumnDay)) {
      writeMissingColumnFile(day);
    }
  }

  /** A hand-made correction file whose header lost the currency column. */
  private void writeMissingColumnFile(LocalDate day) {
    ExportLayout layout = ExportLayout.plain().without("currency");
    List<ExportRow> rows = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      OrderLine line = template(day).withLineNumber(template(day).lineNumber() + 30 + i);
      rows.add(ExportRow.rejected(ExportRow.format(line.values(), layout, Map.of()), RejectReason.MISSING_REQUIRED_FIELD));
    }
    Path file = exportsDir.resolve(Integer.toString(day.getYear())).resolve("orders-" + day + "-manual-fix.csv");
    writeFile(file, layout, rows);
    summary.countFile();
    rows.forEach(summary::countRow);
  }

  /** Files below exports/ the reader must skip: a hidden temp file, an underscore folder, a .txt. */
  void writeSkippedFiles(LocalDate end) {
    String junk = "this file must never be read\n\"unterminated,garbage\n";
    writeText(exportsDir.resolve(Integer.toString(end.getYear())).resolve(".orders-" + end + ".csv"), junk);
    writeText(exportsDir.resolve("_rejected-by-erp").resolve("orders-" + end + ".csv"), junk);
    writeText(exportsDir.resolve("_export-log.csv"), "run,status\n1,FAILED,extra\n");
    writeText(exportsDir.resolve("README.txt"), "Daily order exports of the ERP, web shop and EDI gateway.\n");
    summary.countSkipped(end.getYear() + "/.orders-" + end + ".csv");
    summary.countSkipped("_rejected-by-erp/orders-" + end + ".csv");
    summary.countSkipped("_export-log.csv");
  }

  /** A good line of the day to damage: its line_number moved out of the way of real lines. */
  private OrderLine template(LocalDate day) {
    if (lastTemplate == null) {
      lastTemplate =
          new OrderLine("SO0999999", 1, day.atTime(10, 30), TimestampStyle.LOCAL_T, "C00001", "PHONE", null, null,
              "SKU-10001", java.math.BigDecimal.ONE, new java.math.BigDecimal("10.00"), null, "USD", "OPEN", null, null);
    }
    OrderLine base = lastTemplate.withNotes(null).withLineNumber(lastTemplate.lineNumber() + 20);
    if (!base.orderTime().toLocalDate().equals(day)) {
      base = base.withOrderTime(day.atTime(10, 30), TimestampStyle.LOCAL_T);
    }
    return base;
  }

  private void insert(List<ExportRow> rows, ExportRow row) {
    rows.add(random.nextInt(rows.size() + 1), row);
  }

  private void writeFile(Path file, ExportLayout layout, List<ExportRow> rows) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        if (layout == null) {
          return;
        }
        byte[] separator = layout.lineSeparator().getBytes(StandardCharsets.US_ASCII);
        if (layout.bom()) {
          out.write(BOM);
        }
        out.write(String.join(",", layout.header()).getBytes(StandardCharsets.UTF_8));
        out.write(separator);
        for (ExportRow row : rows) {
          out.write(row.bytes());
          out.write(separator);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeText(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
