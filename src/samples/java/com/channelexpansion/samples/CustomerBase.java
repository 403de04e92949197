package com.channelexpansion.samples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * All customers of the story: 1,500 accounts of accounts.csv (most bought before the history
 * starts, some are won by reps during it, a few never order, some have no owner or region) and
 * the customers won online after the program launch (N00001...), of which only about a third
 * appear in accounts.csv.
 */
final class CustomerBase {

  static final int ACCOUNT_COUNT = 1_500;

  private final List<SampleCustomer> customers;
  private final List<SampleCustomer> accounts;
  private final List<SampleCustomer> newOnline;
  private final double[] cumulativeWeight;
  private final Map<LocalDate, List<SampleCustomer>> firstOrdersByDay = new TreeMap<>();

  private CustomerBase(List<SampleCustomer> customers) {
    this.customers = List.copyOf(customers);
    this.accounts = customers.stream().filter(c -> c.kind() != SampleCustomer.Kind.NEW_ONLINE).toList();
    this.newOnline = customers.stream().filter(c -> c.kind() == SampleCustomer.Kind.NEW_ONLINE).toList();
    this.cumulativeWeight = new double[accounts.size()];
    double sum = 0;
    for (int i = 0; i < accounts.size(); i++) {
      sum += accounts.get(i).weight();
      cumulativeWeight[i] = sum;
    }
    for (SampleCustomer customer : customers) {
      if (customer.firstOrderDay() != null) {
        firstOrdersByDay.computeIfAbsent(customer.firstOrderDay(), d -> new ArrayList<>()).add(customer);
      }
    }
  }

  static CustomerBase generate(
      SampleCalendar calendar, SalesForce salesForce, NameFactory names, int newOnlineCount, SplittableRandom random) {
    List<SampleCustomer> customers = new ArrayList<>();
    int historyDays = calendar.days().size();
    int launchDays = (int) calendar.daysSinceProgramStart(calendar.end()) + 1;
    for (int i = 1; i <= ACCOUNT_COUNT; i++) {
      String region = SalesForce.REGIONS.get(random.nextInt(SalesForce.REGIONS.size()));
      boolean repWon = random.nextDouble() < 0.15;
      LocalDate firstOrder = repWon ? calendar.start().plusDays(30 + random.nextInt(historyDays - 60)) : null;
      String owner = repWon || random.nextDouble() >= 0.03 ? salesForce.accountOwner(region, random).repId() : null;
      double weight = !repWon && random.nextDouble() < 0.03 ? 0.0 : lognormal(random);
      boolean edi = random.nextDouble() < 0.12;
      boolean punchout = !edi && random.nextDouble() < 0.03;
      LocalDate adoption = null;
      if (random.nextDouble() < 0.65) {
        // Adoption spreads over the months after launch (mean about 7 months).
        LocalDate candidate = calendar.programStart().plusDays((long) (-Math.log(1 - random.nextDouble()) * 210));
        LocalDate notBefore = firstOrder == null ? calendar.programStart() : firstOrder.plusDays(30);
        adoption = candidate.isBefore(notBefore) ? notBefore : candidate;
      }
      LocalDate churn = random.nextDouble() < 0.05 ? calendar.start().plusDays(90 + random.nextInt(historyDays - 90)) : null;
      customers.add(
          new SampleCustomer(
              String.format("C%05d", i),
              names.companyName(),
              owner,
              region,
              random.nextDouble() < 0.02 ? null : region,
              repWon ? SampleCustomer.Kind.REP_WON : SampleCustomer.Kind.ESTABLISHED,
              true,
              firstOrder,
              weight,
              currency(random),
              edi ? "EDI" : null,
              punchout,
              adoption,
              0.3 + 0.5 * random.nextDouble(),
              churn));
    }
    for (int i = 1; i <= newOnlineCount; i++) {
      String region = SalesForce.REGIONS.get(random.nextInt(SalesForce.REGIONS.size()));
      // Registrations accelerate as the program matures: density grows linearly after launch.
      int dayOffset = (int) (Math.sqrt(random.nextDouble()) * launchDays);
      LocalDate firstOrder = calendar.programStart().plusDays(Math.min(dayOffset, launchDays - 1));
      boolean inAccounts = random.nextDouble() < 0.35;
      String owner = inAccounts && random.nextDouble() < 0.7 ? salesForce.accountOwner(region, random).repId() : null;
      boolean repeats = random.nextDouble() < 0.6;
      customers.add(
          new SampleCustomer(
              String.format("N%05d", i),
              names.companyName(),
              owner,
              region,
              inAccounts && random.nextDouble() < 0.9 ? region : null,
              SampleCustomer.Kind.NEW_ONLINE,
              inAccounts,
              firstOrder,
              repeats ? 0.6 * lognormal(random) : 0.0,
              currency(random),
              null,
              false,
              null,
              0.85,
              null));
    }
    return new CustomerBase(customers);
  }

  private static double lognormal(SplittableRandom random) {
    // Box-Muller: a normal draw, then exp gives a skewed order frequency (a few big accounts).
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    double normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.exp(0.8 * normal);
  }

  private static String currency(SplittableRandom random) {
    double draw = random.nextDouble();
    return draw < 0.78 ? "USD" : draw < 0.91 ? "EUR" : "GBP";
  }

  /** Customers whose very first order is placed on {@code day}. */
  List<SampleCustomer> firstOrdersOn(LocalDate day) {
    return firstOrdersByDay.getOrDefault(day, List.of());
  }

  /** Sum of the weights of the accounts (customers not won online). */
  double accountWeight() {
    return cumulativeWeight[cumulativeWeight.length - 1];
  }

  /** The customers won online after the launch: their orders come on top of the accounts' ones. */
  List<SampleCustomer> newOnline() {
    return newOnline;
  }

  /** An account (not a customer won online) for a repeat order on {@code day}, by weight; null if none. */
  SampleCustomer pickRepeatBuyer(LocalDate day, SplittableRandom random) {
    double total = cumulativeWeight[cumulativeWeight.length - 1];
    for (int attempt = 0; attempt < 60; attempt++) {
      int index = Arrays.binarySearch(cumulativeWeight, random.nextDouble() * total);
      SampleCustomer candidate = accounts.get(index >= 0 ? index : -index - 1);
      if (candidate.ordersOn(day)) {
        return candidate;
      }
    }
    return null;
  }

  List<SampleCustomer> customers() {
    return customers;
  }

  void writeAccounts(Path file) {
    CSVPrinter printer = CsvTables.open(file, CsvTables.UNIX, "customer_id", "customer_name", "owner_rep_id", "region");
    for (SampleCustomer c : customers) {
      if (c.inAccountsFile()) {
        CsvTables.printRecord(printer, c.customerId(), c.name(), c.ownerRepId(), c.writtenRegion());
      }
    }
    CsvTables.close(printer);
  }
}
