package com.channelexpansion.samples;

import com.channelexpansion.ingest.validate.RejectReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the generator wrote, as the reader must find it: files to read and to skip, records,
 * planted rejects by reason, duplicates (re-exported lines), blank lines. The README prints it
 * and the tests check it.
 */
public final class GenerationSummary {

  private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
  private final List<String> skippedFiles = new ArrayList<>();
  private final List<String> headerlessFiles = new ArrayList<>();
  private long filesToRead;
  private long records;
  private long duplicates;
  private long blankLines;

  GenerationSummary() {
    for (RejectReason reason : RejectReason.values()) {
      rejects.put(reason, 0L);
    }
  }

  void countFile() {
    filesToRead++;
  }

  void countRow(ExportRow row) {
    if (!row.record()) {
      blankLines++;
      return;
    }
    records++;
    if (row.expectedReject() != null) {
      rejects.merge(row.expectedReject(), 1L, Long::sum);
    }
  }

  void countDuplicates(long count) {
    duplicates += count;
  }

  void countHeaderless(String relativePath) {
    headerlessFiles.add(relativePath);
  }

  /** Empty files (no header at all): skipped by the reader with a warning. */
  public List<String> headerlessFiles() {
    return List.copyOf(headerlessFiles);
  }

  void countSkipped(String relativePath) {
    skippedFiles.add(relativePath);
  }

  /** csv files below exports/ that the reader must read (not the skipped nor the empty ones). */
  public long filesToRead() {
    return filesToRead;
  }

  /** Records in the files to read: accepted plus rejected. */
  public long records() {
    return records;
  }

  public long rejected() {
    return rejects.values().stream().mapToLong(Long::longValue).sum();
  }

  public long accepted() {
    return records - rejected();
  }

  public long rejected(RejectReason reason) {
    return rejects.get(reason);
  }

  public Map<RejectReason, Long> rejectsByReason() {
    return Map.copyOf(rejects);
  }

  /** Accepted lines whose (order_id, line_number) was already exported: dropped by rule 2. */
  public long duplicates() {
    return duplicates;
  }

  public long blankLines() {
    return blankLines;
  }

  public List<String> skippedFiles() {
    return List.copyOf(skippedFiles);
  }

  /** Human-readable summary, printed to stdout. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("export files to read: %d, records: %d, accepted: %d, rejected: %d (ratio %.5f)%n",
        filesToRead, records, accepted(), rejected(), (double) rejected() / records));
    for (RejectReason reason : RejectReason.values()) {
      out.append(String.format("  %-24s %d%n", reason.code(), rejects.get(reason)));
    }
    out.append(String.format("duplicates (re-exported lines): %d, blank lines: %d%nfiles to skip: %s, files without header: %s%n",
        duplicates, blankLines, skippedFiles, headerlessFiles));
    return out.toString();
  }
}
