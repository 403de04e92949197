package com.channelexpansion.report.job;

import com.channelexpansion.report.ShortHistory;
import com.channelexpansion.report.SummaryMetric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one report run published.
 *
 * @param folder the published as_of folder
 * @param computedFrom "every line", or the earlier report this one was updated from
 * @param countedLines order lines counted through as-of
 * @param customersBySegment customers of the customers table per segment
 * @param netRevenueTtm net revenue of the trailing 12 months
 * @param outputRows rows of every output, by output name
 * @param pages the executive pages, relative to the folder (report.html first)
 * @param unknownRepIds rep ids credited to HOUSE because reps.csv does not know them
 * @param unknownRepLines lines of those ids (one warning each)
 * @param shortHistory the program_start sanity warning, null when the history is long enough
 * @param refundsNotNetted order-level refunds per window, shown beside revenue, never netted
 * @param secondsByStep wall seconds per step
 */
public record ReportResult(
    LocalDate asOf,
    String folder,
    String computedFrom,
    long countedLines,
    Map<String, Long> customersBySegment,
    BigDecimal netRevenueTtm,
    Map<String, Long> outputRows,
    List<String> pages,
    List<String> unknownRepIds,
    long unknownRepLines,
    ShortHistory shortHistory,
    SummaryMetric refundsNotNetted,
    Map<String, Double> secondsByStep) {}
