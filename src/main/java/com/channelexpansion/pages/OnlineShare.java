package com.channelexpansion.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Online share by month, derived from a page's revenue table (month, segment, order_channel,
 * net_revenue): ONLINE revenue / all revenue of the month, HALF_UP to 4 decimals like the
 * summary's ratios, empty when the month's revenue is 0 (PRODUCT.md: a zero denominator).
 */
final class OnlineShare {
  static final List<String> HEADER = List.of("month", "online_revenue", "net_revenue", "online_share");

  private OnlineShare() {}

  /** One row per month of {@code months}, in order; months without revenue have 0.00 and an empty share. */
  static PageTable byMonth(PageTable revenue, List<String> months) {
    int month = revenue.column("month");
    int channel = revenue.column("order_channel");
    int amount = revenue.column("net_revenue");
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    for (String m : months) {
      sums.put(m, new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
    }
    for (List<String> row : revenue.rows()) {
      BigDecimal[] pair = sums.get(row.get(month));
      if (pair == null) {
        continue; // outside the page's 24 months
      }
      BigDecimal value = new BigDecimal(row.get(amount));
      if ("ONLINE".equals(row.get(channel))) {
        pair[0] = pair[0].add(value);
      }
      pair[1] = pair[1].add(value);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, BigDecimal[]> entry : sums.entrySet()) {
      BigDecimal online = entry.getValue()[0];
      BigDecimal total = entry.getValue()[1];
      BigDecimal share = total.signum() == 0 ? null : online.divide(total, 4, RoundingMode.HALF_UP);
      rows.add(java.util.Arrays.asList(entry.getKey(), online, total, share));
    }
    return PageTable.of(HEADER, rows);
  }
}
