package com.channelexpansion.samples;

import com.channelexpansion.ingest.validate.RejectReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the sample set's README.md: what is there, how to regenerate it, what was planted. */
final class ReadmeWriter {

  private ReadmeWriter() {}

  static void write(Path file, GeneratorOptions options, SampleCalendar calendar, GenerationSummary summary) {
    StringBuilder md = new StringBuilder();
    md.append("# Sample input data (generated: never hand-edit)\n\n")
        .append("Everything in this folder is written by `com.channelexpansion.samples.SampleDataGenerator`\n")
        .append("(seeded: the same options give byte-identical files; a test compares this folder with a fresh run).\n")
        .append("To change it, change the generator (`src/samples/java`: it compiles with the tests and is not in\n")
        .append("the jar) and regenerate:\n\n")
        .append("```\n")
        .append("mvn -B -q -o package -DskipTests\n")
        .append("java -cp target/classes:target/test-classes:$(cat target/classpath.txt) com.channelexpansion.samples.SampleDataGenerator \\\n")
        .append("  --out data-samples --lines ").append(options.lines())
        .append(" --seed ").append(options.seed())
        .append(" --end-date ").append(options.endDate()).append("\n")
        .append("```\n\n")
        .append("## The story\n\n")
        .append("A fictional B2B distributor (all names are invented). Orders from ").append(calendar.start())
        .append(" to ").append(calendar.end()).append("; the digital program started on ")
        .append(calendar.programStart()).append(" (`program_start`).\n")
        .append("- 1,500 accounts (`C00001`...) owned by 20 reps in 4 regions; some accounts have no owner or region,\n")
        .append("  some never order, some churn, about 15 % are won by reps during the history (`FIELD_REP` first order).\n")
        .append("- After the launch about two thirds of the accounts adopt online ordering gradually (WEB, MOBILE_APP;\n")
        .append("  a few buy by PUNCHOUT even before the launch).\n")
        .append("- New customers register online after the launch (`N00001`...); only about a third are in accounts.csv.\n")
        .append("- Rep quotes (`quote_id`) are sometimes closed online (sales-assisted by rule 4).\n")
        .append("- Returns (negative quantity, status RETURNED) are booked 20 to 80 days after the line they return.\n")
        .append("- About 2 % of orders are cancelled (`CANCELLED`, `canceled`, `Cancelled`); some order_status are empty.\n")
        .append("- Currencies USD, EUR, GBP; fx_rates.csv has one rate per weekday (weekend orders use Friday's rate),\n")
        .append("  starting 10 days before the first order.\n")
        .append("- Time zone America/Chicago: the web shop writes UTC (`...Z`, a few `t...z`), the app and punchout the\n")
        .append("  zone's offset (`-05:00`/`-06:00`, `-0600`), the ERP local time without offset, EDI often a bare date.\n")
        .append("- Rep `").append(SalesForce.DEPARTED_REP_ID)
        .append("` left before reps.csv was exported: it appears on early FIELD_REP orders (credited to HOUSE, with a warning).\n")
        .append("- quotas.csv has every rep and month; the last rep joined recently and has quota 0 (no quota) for 3 months.\n")
        .append("- Commission plans: `current` pays 0.05 on sales-assisted lines and nothing on online ones;\n")
        .append("  `proposed` also credits reps 0.02 on online lines (toward quota) and 0.01 on NEW_ONLINE customers' online lines.\n\n")
        .append("## Export files\n\n")
        .append("`exports/yyyy/orders-yyyy-MM-dd.csv`, one per day (weekends light, December 25 closed). Each file starts with\n")
        .append("about 5 % of the previous day's lines exported again: most unchanged, some with a later `updated_at` and a\n")
        .append("changed quantity or status (the new version wins), some stale (older or empty `updated_at`: the old version\n")
        .append("wins), some changed with the same `updated_at` (the later file wins). Quirks the reader must accept: BOM,\n")
        .append("CRLF, upper/Title/padded header names, shuffled column order, an extra `notes` column (commas, `\"\"`, one\n")
        .append("multi-line value), blank and whitespace-only lines, spaces after a closing quote, a literal quote in an\n")
        .append("unquoted field, lower-case codes, a `.CSV` suffix, quantities with decimals, empty optional fields.\n\n")
        .append("## What the reader must find\n\n")
        .append("| count | value |\n|---|---|\n")
        .append("| files to read | ").append(summary.filesToRead()).append(" |\n")
        .append("| records read | ").append(summary.records()).append(" |\n")
        .append("| accepted | ").append(summary.accepted()).append(" |\n")
        .append("| rejected | ").append(summary.rejected()).append(" |\n")
        .append("| reject ratio | ")
        .append(String.format(Locale.ROOT, "%.6f", (double) summary.rejected() / summary.records()))
        .append(" (gate: 0.005) |\n")
        .append("| duplicates dropped (re-exported lines) | ").append(summary.duplicates()).append(" |\n")
        .append("| blank lines (not records) | ").append(summary.blankLines()).append(" |\n\n")
        .append("Files to skip (name starts with `.` or `_`): ").append(code(summary.skippedFiles().toString()))
        .append("; also `README.txt` (not `.csv`). Empty file (no header: skipped with a warning): ")
        .append(code(summary.headerlessFiles().toString())).append(".\n\n")
        .append("### Planted bad rows by reason\n\n")
        .append("| reason | rows | variants |\n|---|---|---|\n");
    for (RejectReason reason : RejectReason.values()) {
      md.append("| ").append(reason.code()).append(" | ").append(summary.rejected(reason)).append(" | ")
          .append(String.join("; ", BadRowFactory.describe(reason))).append(" |\n");
    }
    md.append("\nEach bad row is a good line with one defect, so it has exactly one reason whatever the reason order.\n");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String code(String text) {
    return "`" + text + "`";
  }
}
