package com.channelexpansion.ingest;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.ingest.formats.ExportRead;
import com.channelexpansion.ingest.formats.ReadPlan;
import com.channelexpansion.ingest.formats.SourceFormats;
import com.channelexpansion.ingest.read.ExportFile;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.warehouse.DefinitionsFingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ingest's first stage: reads the ledger, lists the export files below --input and compares them
 * with it: the files to read (new or changed), and those skipped as already ingested, delivered
 * twice under another name, without a header or unreadable. Reads no record; a file's checksum is
 * computed only when its size or modification time no longer match the ledger.
 */
final class PlanStage {
  /**
   * The ledgers a run starts from.
   *
   * @param stored the ledger as published
   * @param current what this run builds on: {@code stored}, or an empty ledger when the
   *     definitions the rows were validated with changed (then every file counts as new)
   * @param validation today's {@link DefinitionsFingerprint#validation}
   * @param crediting today's {@link DefinitionsFingerprint#crediting}
   */
  record Ledgers(IngestLedger stored, IngestLedger current, String validation, String crediting) {
    /** True when order_lines was credited with today's reference data. */
    boolean creditedAlike() {
      return crediting.equals(current.creditingFingerprint());
    }
  }

  /**
   * What to read and what was skipped.
   *
   * @param warehouseExists whether order_lines/ is published already
   * @param reads the exports to read, a paired export (orders and lines) as one
   * @param files the files of {@code reads}, paired line files included, in read order
   * @param filesFound export files listed below --input
   * @param unchanged files skipped because the warehouse holds their bytes already
   * @param warnings links not followed and files that could not be read
   */
  record Result(
      Ledgers ledgers,
      boolean warehouseExists,
      List<ExportRead> reads,
      List<ExportFile> files,
      int filesFound,
      int unchanged,
      List<String> duplicateDeliveries,
      List<String> headerless,
      IngestWarnings warnings) {

    /**
     * Nothing to read, order_lines credited alike and a Delta table already (one of an earlier
     * release is converted by the next run): the run changes nothing.
     */
    boolean nothingNew() {
      return reads.isEmpty()
          && warehouseExists
          && ledgers.creditedAlike()
          && ledgers.current().orderLinesVersion() != null;
    }

    /** The bytes of the exports to read. */
    long bytes() {
      return reads.stream().mapToLong(ExportRead::sizeBytes).sum();
    }

    /** The step log's line. */
    String summary(String inputDir) {
      return String.format(
          "%d export files: %d new or changed (%.1f MB), %d already ingested, %d without header (%s)",
          filesFound, files.size(), bytes() / 1e6, unchanged, headerless.size(), inputDir);
    }
  }

  private final IngestRun run;
  private final String inputDir;
  private final SourceFormats formats;

  PlanStage(IngestRun run, String inputDir, SourceFormats formats) {
    this.run = run;
    this.inputDir = inputDir;
    this.formats = formats;
  }

  Result run(Definitions definitions, ReferenceData reference) throws IOException {
    Ledgers ledgers = ledgers(definitions, reference);
    ExportFileFinder.Listing listing = ExportFileFinder.find(inputDir, run.conf());
    listing.symbolicLinks().forEach(link -> StepLog.warn("Not following a symbolic link: " + link));
    ReadPlan plan = formats.plan(listing.files());
    plan.notExports().forEach(file -> StepLog.warn("Skipping a file that is not an export: " + file));
    Sorted sorted = new Sorted();
    for (ExportRead listed : plan.reads()) {
      sort(listed, ledgers.current(), sorted);
    }
    List<ExportFile> files = new ArrayList<>();
    for (ExportRead read : sorted.toRead) {
      files.add(read.file());
      if (read.paired()) {
        files.add(read.lineFile());
      }
    }
    return new Result(
        ledgers,
        run.fs().exists(run.warehouse().orderLines()),
        sorted.toRead,
        files,
        listing.files().size(),
        sorted.unchanged,
        sorted.duplicateDeliveries,
        sorted.headerless,
        new IngestWarnings(listing.symbolicLinks(), sorted.unreadable, RemovedLines.NONE));
  }

  private Ledgers ledgers(Definitions definitions, ReferenceData reference) throws IOException {
    IngestLedger stored = IngestLedger.read(run.fs(), run.warehouse().ledger());
    String validation = DefinitionsFingerprint.validation(definitions, reference);
    String crediting = DefinitionsFingerprint.crediting(reference);
    boolean definitionsChanged =
        stored.validationFingerprint() != null && !stored.validationFingerprint().equals(validation);
    if (definitionsChanged) {
      StepLog.warn(
          "Channel definitions, time zone, reporting currency or FX rates changed since the last"
              + " ingest: reading every export again");
    }
    // Rows validated under other definitions cannot be kept: then every file counts as new.
    IngestLedger current = definitionsChanged ? IngestLedger.empty() : stored;
    return new Ledgers(stored, current, validation, crediting);
  }

  /** The listed exports by what becomes of them, in listing order. */
  private static final class Sorted {
    final List<ExportRead> toRead = new ArrayList<>();
    final List<String> headerless = new ArrayList<>();
    final List<String> duplicateDeliveries = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();
    int unchanged;
  }

  private void sort(ExportRead listed, IngestLedger ledger, Sorted into) {
    if (ledger.vouchesFor(listed.file())
        && (!listed.paired() || ledger.vouchesFor(listed.lineFile()))) {
      into.unchanged++;
      return;
    }
    try {
      ExportRead read = listed.withChecksums(run.conf());
      ExportFile file = read.file();
      Optional<String> twin = read.paired() ? Optional.empty() : ledger.sameBytesAs(file);
      if (ledger.holds(file) && (!read.paired() || ledger.holds(read.lineFile()))) {
        into.unchanged++;
      } else if (twin.isPresent() && !ledger.files().containsKey(file.relativePath())) {
        into.duplicateDeliveries.add(file.relativePath() + " (same bytes as " + twin.get() + ")");
        StepLog.warn("Skipping a second delivery of " + twin.get() + ": " + file.relativePath());
      } else if (read.headerless(run.conf())) {
        into.headerless.add(file.relativePath());
        StepLog.warn("Skipping export without a header: " + file.relativePath());
      } else {
        into.toRead.add(read);
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      // One file the file system layer cannot open stops nothing but itself.
      into.unreadable.add(listed.file().relativePath());
      StepLog.warn(
          "Skipping an export that cannot be read: " + listed.file().relativePath()
              + " (" + e.getMessage() + ")");
    }
  }
}
