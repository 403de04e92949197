package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.channelexpansion.progress.StepLog;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The lines a re-delivered file took out of order_lines (PRODUCT.md, "A re-delivered file"): a
 * new version of a file replaces the rows of its previous one, so a shorter file silently removes
 * lines, and revenue with them. Computed as an anti-join on (order_id, line_number) of the
 * table before a rewrite against the table after it, only on nights that read a file again: a night that
 * only adds files cannot remove a key and pays nothing.
 *
 * @param lines keys in the published order_lines that the new table lacks
 * @param amount the sum of their stored amounts, signed (returns lower it)
 * @param files the re-delivered files of the run, in file order
 */
public record RemovedLines(long lines, BigDecimal amount, List<String> files) {
  /** Nothing removed. */
  public static final RemovedLines NONE = new RemovedLines(0, BigDecimal.ZERO.setScale(2), List.of());

  /**
   * What replacing the lines {@code before} by {@code after} removes, warned on stderr when
   * anything is; {@link #NONE} when no file was re-delivered.
   */
  public static RemovedLines between(Dataset<Row> before, Dataset<Row> after, List<String> redelivered) {
    if (redelivered.isEmpty()) {
      return NONE;
    }
    String[] key = {OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER};
    Row totals =
        before
            .join(after.select(key[0], key[1]), key, "left_anti")
            .agg(count(lit(1)), coalesce(sum(OrderLineColumns.AMOUNT), lit(BigDecimal.ZERO)))
            .first();
    RemovedLines removed =
        new RemovedLines(totals.getLong(0), totals.getDecimal(1).setScale(2), redelivered);
    if (removed.lines() > 0) {
      StepLog.warn(removed.message());
    }
    return removed;
  }

  /** The warning: how many lines, their amount, and the files that removed them. */
  public String message() {
    return "Re-delivered files removed " + lines + (lines == 1 ? " line" : " lines")
        + " from order_lines, amount " + amount.toPlainString()
        + " (lines of their previous versions that the new versions lack): " + String.join(", ", files);
  }
}
