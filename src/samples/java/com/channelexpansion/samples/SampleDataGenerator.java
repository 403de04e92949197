package com.channelexpansion.samples;

import com.channelexpansion.ingest.validate.RejectReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates a complete, seeded input set for the job (exports/, reference/, config/ and a
 * README.md) for a fictional B2B distributor: 3 years of orders, a digital program launched 18
 * months before the end, accounts adopting online ordering, new customers won online, returns,
 * cancellations, 3 currencies, overlapping daily exports and about 0.2 % planted bad rows of every
 * reject reason. The same options give byte-identical files. Streams the exports day by day, so
 * millions of lines need little memory.
 *
 * <p>Danger: it deletes {@code exports/}, {@code reference/}, {@code config/} and
 * {@code README.md} under {@code --out} before writing.
 */
@Command(
    name = "sample-data",
    mixinStandardHelpOptions = true,
    description = "Writes a seeded sample input set (exports/, reference/, config/) for the job.")
public final class SampleDataGenerator implements Callable<Integer> {

  @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "data-samples")
  Path out;

  @Option(names = "--lines", description = "Approximate number of export records (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + GeneratorOptions.DEFAULT_LINES)
  int lines;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + GeneratorOptions.DEFAULT_SEED)
  long seed;

  @Option(names = "--end-date", description = "Last day of order history, yyyy-MM-dd (default: ${DEFAULT-VALUE}).",
      defaultValue = "2026-10-31")
  String endDate;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SampleDataGenerator()).execute(args));
  }

  @Override
  public Integer call() {
    LocalDate end;
    try {
      end = LocalDate.parse(endDate);
    } catch (DateTimeParseException e) {
      System.err.println("Cannot generate samples: --end-date is not yyyy-MM-dd (" + endDate + ")");
      return 2;
    }
    GenerationSummary summary = generate(new GeneratorOptions(out, lines, seed, end));
    System.out.print("Wrote " + out + System.lineSeparator() + summary.describe());
    return 0;
  }

  /** Writes the whole sample set described by {@code options}; returns what it planted. */
  public static GenerationSummary generate(GeneratorOptions options) {
    Path out = options.out();
    clean(out);
    SampleCalendar calendar = SampleCalendar.endingOn(options.endDate());
    SplittableRandom master = new SplittableRandom(options.seed());
    SplittableRandom nameRandom = master.split();
    SplittableRandom peopleRandom = master.split();
    SplittableRandom fxRandom = master.split();
    SplittableRandom catalogRandom = master.split();
    SplittableRandom orderRandom = master.split();
    SplittableRandom reExportRandom = master.split();
    SplittableRandom fileRandom = master.split();
    SplittableRandom quotaRandom = master.split();

    NameFactory names = new NameFactory(nameRandom);
    SalesForce salesForce = SalesForce.generate(calendar, names);
    int newOnlineCustomers = Math.max(20, options.lines() / 240);
    CustomerBase customers = CustomerBase.generate(calendar, salesForce, names, newOnlineCustomers, peopleRandom);
    SampleFxRates fx = SampleFxRates.generate(calendar, fxRandom);
    Catalog catalog = Catalog.generate(catalogRandom);
    QuotaBook quotas = new QuotaBook(calendar);

    ConfigFilesWriter.write(out.resolve("config"), calendar);
    salesForce.writePilots(out.resolve("config").resolve("pilots.csv"), calendar);

    OrderSimulator simulator =
        new OrderSimulator(calendar, customers, salesForce, catalog, fx, quotas, orderRandom,
            ordersPerFullDay(calendar, customers, options.lines()));
    ReExports reExports = new ReExports(reExportRandom);
    GenerationSummary summary = new GenerationSummary();
    ExportTreeWriter exports =
        new ExportTreeWriter(out.resolve("exports"), calendar, options.lines(), new BadRowFactory(fx.firstRateDate()),
            summary, fileRandom);
    List<OrderLine> yesterday = List.of();
    for (LocalDate day : calendar.days()) {
      List<OrderLine> today = simulator.simulate(day);
      exports.writeDay(day, reExports.pick(yesterday, day), today);
      yesterday = today;
    }
    exports.writeSkippedFiles(calendar.end());

    Path reference = out.resolve("reference");
    customers.writeAccounts(reference.resolve("accounts.csv"));
    salesForce.write(reference.resolve("reps.csv"));
    quotas.write(reference.resolve("quotas.csv"), salesForce, quotaRandom);
    fx.write(reference.resolve("fx_rates.csv"));
    ReadmeWriter.write(out.resolve("README.md"), options, calendar, summary);
    return summary;
  }

  /** Orders per weekday so that all records (re-exports and returns included) come near the target. */
  private static double ordersPerFullDay(SampleCalendar calendar, CustomerBase customers, int lines) {
    // Repeat orders = per-day rate * sum over days of volume * (1 + weight of active online-won / accounts).
    double fullDays = 0;
    for (LocalDate day : calendar.days()) {
      double online = customers.newOnline().stream().filter(c -> c.ordersOn(day)).mapToDouble(SampleCustomer::weight).sum();
      fullDays += SampleCalendar.volumeFactor(day) * (1 + online / customers.accountWeight());
    }
    long firstOrders = customers.customers().stream().filter(c -> c.firstOrderDay() != null).count();
    double orders = lines / (OrderSimulator.AVERAGE_LINES_PER_ORDER * 1.063) - firstOrders;
    return Math.max(0.5, orders / fullDays);
  }

  private static void clean(Path out) {
    for (String owned : List.of("exports", "reference", "config", "README.md")) {
      Path path = out.resolve(owned);
      if (!Files.exists(path)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot clean " + path + ": " + e.getMessage(), e);
      }
    }
  }

}
