package com.channelexpansion.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * Sets every rep's monthly quota from the sales-assisted revenue credited to them before the
 * program launch (times 0.90 to 1.15, rounded to hundreds), so attainment under the current plan
 * sits near 100 % before the launch and sags as their accounts move online. Months before a rep's
 * {@code quotaFrom} get quota 0 (no quota).
 */
final class QuotaBook {

  private final Map<String, BigDecimal> preLaunchRevenueByRep = new TreeMap<>();
  private final SampleCalendar calendar;

  QuotaBook(SampleCalendar calendar) {
    this.calendar = calendar;
  }

  /** Adds a sales-assisted line's USD amount to its credited rep, if before the program launch. */
  void recordAssisted(String repId, LocalDate orderDate, BigDecimal usdAmount) {
    if (repId != null && orderDate.isBefore(calendar.programStart())) {
      preLaunchRevenueByRep.merge(repId, usdAmount, BigDecimal::add);
    }
  }

  void write(Path file, SalesForce salesForce, SplittableRandom random) {
    long preLaunchMonths = calendar.months().stream().filter(m -> m.atDay(1).isBefore(calendar.programStart())).count();
    CSVPrinter printer = CsvTables.open(file, CsvTables.UNIX, "rep_id", "month", "quota_amount");
    for (SalesForce.SampleRep rep : salesForce.reps()) {
      BigDecimal monthly =
          preLaunchRevenueByRep
              .getOrDefault(rep.repId(), new BigDecimal("10000"))
              .divide(BigDecimal.valueOf(preLaunchMonths), 2, RoundingMode.HALF_UP);
      for (YearMonth month : calendar.months()) {
        BigDecimal factor = BigDecimal.valueOf(90 + random.nextInt(26), 2);
        BigDecimal quota =
            month.isBefore(rep.quotaFrom())
                ? BigDecimal.ZERO.setScale(2)
                : monthly.multiply(factor).setScale(-2, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
        CsvTables.printRecord(printer, rep.repId(), month.toString(), quota.toPlainString());
      }
    }
    CsvTables.close(printer);
  }
}
