package com.channelexpansion.warehouse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * Which state of the warehouse a reader sees: what the lines were validated and credited with,
 * and which ingest runs made it. Ingest writes it as part of its ledger ({@code
 * _state/ledger.json}); readers read only these fields.
 *
 * @param validationFingerprint {@link DefinitionsFingerprint#validation} the lines were read with
 * @param creditingFingerprint {@link DefinitionsFingerprint#crediting} they were credited with
 * @param acceptedVersions accepted versions of lines the warehouse holds (duplicates included)
 * @param resolvedBy the last run that rewrote order_lines whole; null before the first ingest
 * @param mergedSince the runs since then that merged new lines into it, oldest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WarehouseVersion(
    String validationFingerprint,
    String creditingFingerprint,
    long acceptedVersions,
    String resolvedBy,
    List<String> mergedSince) {

  public WarehouseVersion {
    mergedSince = mergedSince == null ? List.of() : List.copyOf(mergedSince);
  }

  /** Before any ingest. */
  public static WarehouseVersion none() {
    return new WarehouseVersion(null, null, 0, null, List.of());
  }

  /**
   * The runs that changed the warehouse since it was at the version made by {@code resolvedBy}
   * then {@code merged}, when those runs only merged lines in (their changes are recorded, see
   * {@link ChangedLines}); empty when it was rewritten whole since, or never was at that version.
   */
  public Optional<List<String>> mergesSince(String earlierResolvedBy, List<String> earlierMerged) {
    boolean onlyMergedSince =
        resolvedBy != null
            && resolvedBy.equals(earlierResolvedBy)
            && mergedSince.size() >= earlierMerged.size()
            && mergedSince.subList(0, earlierMerged.size()).equals(earlierMerged);
    return onlyMergedSince
        ? Optional.of(List.copyOf(mergedSince.subList(earlierMerged.size(), mergedSince.size())))
        : Optional.empty();
  }
}
