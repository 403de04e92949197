package com.channelexpansion.ingest.formats;

import java.util.List;

/**
 * What to read of the export files found below --input.
 *
 * @param reads the units to read, in the order of their (order) files
 * @param notExports files of a mapped folder that match neither its order_file nor its line_file
 *     pattern (customers.csv beside orders.csv, say): skipped, to be reported as a warning
 */
public record ReadPlan(List<ExportRead> reads, List<String> notExports) {
  public ReadPlan {
    reads = List.copyOf(reads);
    notExports = List.copyOf(notExports);
  }
}
