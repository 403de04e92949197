package com.channelexpansion.ingest;

import com.channelexpansion.ingest.read.ExportFile;
import com.channelexpansion.io.Json;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The export files the warehouse holds, the batch whose rows stand for each, and the fingerprints
 * of the definitions they were validated and credited with: what makes a nightly run incremental.
 * A file whose path and checksum are in the ledger is not read again; a file whose checksum
 * changed is read again and its new batch replaces the rows it brought before. Files that
 * disappear from --input keep their rows (export folders are often pruned).
 *
 * @param files relative path to what the warehouse holds of it
 * @param validationFingerprint {@link DefinitionsFingerprint#validation} the rows were read with
 * @param creditingFingerprint {@link DefinitionsFingerprint#crediting} order_lines was credited with
 * @param acceptedVersions accepted versions the files stand for (duplicates included)
 * @param orderLinesVersion the order_lines version (Delta) this ledger vouches for; null before the
 *     first ingest and in ledgers of releases before order_lines was a Delta table
 * @param rewrittenAtVersion the version of its last whole rewrite; the versions since then only
 *     merged new lines in, so a report can update what their change feed says changed
 */
// A ledger of an earlier release (its runs named instead of versions) reads with no version:
// the next run then rewrites order_lines whole, as a Delta table.
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestLedger(
    Map<String, Entry> files,
    String validationFingerprint,
    String creditingFingerprint,
    long acceptedVersions,
    Long orderLinesVersion,
    Long rewrittenAtVersion) {
  /** What the warehouse holds of one file. */
  public record Entry(long bytes, long modifiedMillis, String sha256, String batch) {}

  public IngestLedger {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }

  public static IngestLedger empty() {
    return new IngestLedger(Map.of(), null, null, 0, null, null);
  }

  /** The ledger at {@code path}, or an empty one when the warehouse has none yet. */
  public static IngestLedger read(FileSystem fs, Path path) throws IOException {
    if (!fs.exists(path)) {
      return empty();
    }
    try (InputStream in = fs.open(path)) {
      return Json.MAPPER.readValue(in, IngestLedger.class);
    }
  }

  public void write(FileSystem fs, Path path) throws IOException {
    try (OutputStream out = fs.create(path, false)) {
      Json.MAPPER.writeValue(out, this);
    }
  }

  /**
   * True when the file's path, size and modification time match the ledger: then it is not even
   * read to compute its checksum (what keeps a night's cost off the history's size).
   */
  public boolean vouchesFor(ExportFile file) {
    Entry entry = files.get(file.relativePath());
    return entry != null
        && entry.bytes() == file.sizeBytes()
        && entry.modifiedMillis() == file.modifiedMillis();
  }

  /** True when no file of {@code read} was ingested before: the night only adds versions. */
  public boolean onlyAdds(List<ExportFile> read) {
    return redelivered(read).isEmpty();
  }

  /** The paths of {@code read} that were ingested before: re-delivered files, new content. */
  public List<String> redelivered(List<ExportFile> read) {
    return read.stream()
        .map(ExportFile::relativePath)
        .filter(files::containsKey)
        .toList();
  }

  /** True when this exact file (path and checksum) is already in the warehouse. */
  public boolean holds(ExportFile file) {
    Entry entry = files.get(file.relativePath());
    return entry != null && entry.sha256().equals(file.sha256());
  }

  /** Another path already ingested with the same bytes (a file delivered twice), if any. */
  public Optional<String> sameBytesAs(ExportFile file) {
    return files.entrySet().stream()
        .filter(e -> !e.getKey().equals(file.relativePath()) && e.getValue().sha256().equals(file.sha256()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /**
   * This ledger with {@code read} files now standing for {@code batch} (the run's id), new
   * fingerprints, and order_lines at {@code version}; {@code merged} tells whether the run merged
   * new files into it or rewrote it whole.
   */
  public IngestLedger with(
      Iterable<ExportFile> read,
      String batch,
      String validation,
      String crediting,
      long acceptedVersions,
      long version,
      boolean merged) {
    Map<String, Entry> next = new HashMap<>(files);
    for (ExportFile file : read) {
      next.put(
          file.relativePath(),
          new Entry(file.sizeBytes(), file.modifiedMillis(), file.sha256(), batch));
    }
    return new IngestLedger(
        next, validation, crediting, acceptedVersions, version, merged ? rewrittenAtVersion : version);
  }

  /** The batches some file still stands for: every other batch is garbage. */
  public Set<String> liveBatches() {
    Set<String> batches = new TreeSet<>();
    files.values().forEach(e -> batches.add(e.batch()));
    return batches;
  }
}
