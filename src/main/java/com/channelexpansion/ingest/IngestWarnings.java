package com.channelexpansion.ingest;

import java.util.List;

/**
 * What an ingest run did not read or silently lost otherwise, for stderr and the manifest.
 *
 * @param symbolicLinks links below --input that were not followed (relative paths)
 * @param unreadableFiles exports that could not be opened or read, skipped so that one file
 *     stops nothing but itself (relative paths)
 * @param removedLines order_lines keys that re-delivered files took away
 */
public record IngestWarnings(
    List<String> symbolicLinks, List<String> unreadableFiles, RemovedLines removedLines) {
  public IngestWarnings {
    symbolicLinks = List.copyOf(symbolicLinks);
    unreadableFiles = List.copyOf(unreadableFiles);
  }

  /** These warnings with the lines this run's re-delivered files removed. */
  public IngestWarnings withRemovedLines(RemovedLines removed) {
    return new IngestWarnings(symbolicLinks, unreadableFiles, removed);
  }
}
