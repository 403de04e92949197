package com.channelexpansion.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Simulates one day of orders: first orders of customers won that day (online registrations,
 * rep wins), repeat orders by weight, returns booked 20 to 80 days after the line they return,
 * cancellations, discounts, quotes (some closed online), and the way each source system writes
 * its fields (timestamp style, lower-case codes, empty optional fields).
 */
final class OrderSimulator {

  private static final List<String> NOTES =
      List.of(
          "Deliver to dock 4, ring bell",
          "Customer asked for \"rush\" shipping",
          "Partial shipment OK; backorder the rest",
          "Price matched, see quote",
          "Call on arrival, gate code at front desk");

  private final SampleCalendar calendar;
  private final CustomerBase customers;
  private final SalesForce salesForce;
  private final Catalog catalog;
  private final SampleFxRates fx;
  private final QuotaBook quotas;
  private final SplittableRandom random;
  private final double ordersPerFullDay;
  private final Map<LocalDate, List<OrderLine>> pendingReturns = new TreeMap<>();
  private long nextOrder = 1_000_001;
  private long nextQuote = 500_001;

  OrderSimulator(
      SampleCalendar calendar,
      CustomerBase customers,
      SalesForce salesForce,
      Catalog catalog,
      SampleFxRates fx,
      QuotaBook quotas,
      SplittableRandom random,
      double ordersPerFullDay) {
    this.calendar = calendar;
    this.customers = customers;
    this.salesForce = salesForce;
    this.catalog = catalog;
    this.fx = fx;
    this.quotas = quotas;
    this.random = random;
    this.ordersPerFullDay = ordersPerFullDay;
  }

  /** Average lines of an order: 1 plus a geometric number of extra lines (p = 0.5, capped). */
  static final double AVERAGE_LINES_PER_ORDER = 2.0;

  /** Every new line whose order (or return) is dated {@code day}, in time order per order. */
  List<OrderLine> simulate(LocalDate day) {
    List<OrderLine> lines = new ArrayList<>(pendingReturns.getOrDefault(day, List.of()));
    pendingReturns.remove(day);
    double factor = SampleCalendar.volumeFactor(day);
    if (factor == 0.0) {
      return lines;
    }
    for (SampleCustomer customer : customers.firstOrdersOn(day)) {
      lines.addAll(order(customer, day, true));
    }
    double mean = ordersPerFullDay * factor;
    int count = (int) mean + (random.nextDouble() < mean - Math.floor(mean) ? 1 : 0);
    for (int i = 0; i < count; i++) {
      SampleCustomer customer = customers.pickRepeatBuyer(day, random);
      if (customer != null) {
        lines.addAll(order(customer, day, false));
      }
    }
    // Customers won online buy on top of the accounts, at the same frequency per unit of weight.
    for (SampleCustomer customer : customers.newOnline()) {
      if (customer.ordersOn(day) && random.nextDouble() < mean * customer.weight() / customers.accountWeight()) {
        lines.addAll(order(customer, day, false));
      }
    }
    return lines;
  }

  private List<OrderLine> order(SampleCustomer customer, LocalDate day, boolean first) {
    boolean online =
        first
            ? customer.kind() == SampleCustomer.Kind.NEW_ONLINE
            : random.nextDouble() < onlineShare(customer, day);
    String source = online ? onlineSource(customer) : assistedSource(customer, first);
    boolean assistedByRep = !online;
    String repId = salesRepFor(customer, source, day);
    String quoteId = null;
    if (!online && !source.equals("EDI") && random.nextDouble() < 0.12) {
      quoteId = "Q" + nextQuote++;
    } else if (online && !first && customer.ownerRepId() != null && random.nextDouble() < 0.07) {
      // A rep's quote, accepted by the customer in the web shop: sales-assisted by rule 4.
      quoteId = "Q" + nextQuote++;
      repId = random.nextDouble() < 0.4 ? customer.ownerRepId() : null;
      assistedByRep = true;
    }
    TimestampStyle style = styleFor(source);
    LocalDateTime time = style == TimestampStyle.DATE_ONLY ? day.atStartOfDay() : day.atTime(timeOfDay(online, style));
    String status = orderStatus(day);
    String orderId = "SO" + nextOrder++;
    String writtenSource = random.nextDouble() < 0.01 ? source.toLowerCase(Locale.ROOT) : source;
    BigDecimal rate = fx.rateOn(customer.currency(), day);

    int lineCount = 1;
    while (lineCount < 9 && random.nextDouble() < 0.5) {
      lineCount++;
    }
    List<OrderLine> lines = new ArrayList<>(lineCount);
    for (int n = 1; n <= lineCount; n++) {
      Catalog.Item item = catalog.pick(random);
      BigDecimal price = Catalog.priceIn(item, rate);
      BigDecimal quantity = quantity(item);
      BigDecimal discount = discount(quantity.multiply(price));
      LocalDateTime updated =
          source.equals("EDI") && random.nextDouble() < 0.3 ? null : time.plusMinutes(1 + random.nextInt(600));
      String notes = random.nextDouble() < 0.04 ? NOTES.get(random.nextInt(NOTES.size())) : null;
      OrderLine line =
          new OrderLine(orderId, n, time, style, customer.customerId(), writtenSource, repId, quoteId,
              item.sku(), quantity, price, discount, customer.currency(), status, updated, notes);
      lines.add(line);
      if (!isCancelled(status)) {
        BigDecimal usd = amount(line).multiply(rate);
        if (assistedByRep) {
          quotas.recordAssisted(repId != null ? repId : customer.ownerRepId(), day, usd);
        }
        maybeScheduleReturn(line, day);
      }
    }
    return lines;
  }

  static BigDecimal amount(OrderLine line) {
    BigDecimal gross = line.quantity().multiply(line.unitPrice());
    return line.discount() == null ? gross : gross.subtract(line.discount());
  }

  static boolean isCancelled(String status) {
    return status != null && status.toUpperCase(Locale.ROOT).startsWith("CANCEL");
  }

  private void maybeScheduleReturn(OrderLine line, LocalDate day) {
    if (random.nextDouble() >= 0.012) {
      return;
    }
    LocalDate returnDay = day.plusDays(20 + random.nextInt(61));
    if (returnDay.isAfter(calendar.end()) || SampleCalendar.volumeFactor(returnDay) == 0.0) {
      return;
    }
    BigDecimal returned =
        line.quantity().scale() > 0 || line.quantity().compareTo(BigDecimal.ONE) == 0
            ? line.quantity()
            : BigDecimal.valueOf(1 + random.nextInt(line.quantity().intValueExact()));
    LocalDateTime time = returnDay.atTime(8 + random.nextInt(9), random.nextInt(60), random.nextInt(60));
    String source = random.nextDouble() < 0.5 ? "PHONE" : line.orderSource();
    OrderLine returnLine =
        new OrderLine("SO" + nextOrder++, 1, time, TimestampStyle.LOCAL_T, line.customerId(), source,
            line.salesRepId(), null, line.sku(), returned.negate(), line.unitPrice(), null,
            line.currency(), "RETURNED", time.plusMinutes(5), "Return of " + line.orderId());
    pendingReturns.computeIfAbsent(returnDay, d -> new ArrayList<>()).add(returnLine);
  }

  private String onlineSource(SampleCustomer customer) {
    if (customer.punchout() && random.nextDouble() < 0.7) {
      return "PUNCHOUT";
    }
    return random.nextDouble() < 0.75 ? "WEB" : "MOBILE_APP";
  }

  private String assistedSource(SampleCustomer customer, boolean first) {
    if (first) {
      return "FIELD_REP";
    }
    if (customer.kind() == SampleCustomer.Kind.NEW_ONLINE) {
      return customer.ownerRepId() != null && random.nextDouble() < 0.4 ? "FIELD_REP" : "PHONE";
    }
    if ("EDI".equals(customer.assistedSource())) {
      return random.nextDouble() < 0.85 ? "EDI" : "PHONE";
    }
    double draw = random.nextDouble();
    return draw < 0.45 ? "FIELD_REP" : draw < 0.80 ? "PHONE" : "EMAIL";
  }

  /** The customer's online share, raised for the pilot reps' accounts once the pilot started. */
  private double onlineShare(SampleCustomer customer, LocalDate day) {
    double share = customer.onlineShareOn(day);
    boolean piloted =
        customer.ownerRepId() != null
            && salesForce.pilotRepIds().contains(customer.ownerRepId())
            && !day.isBefore(SalesForce.pilotStart(calendar));
    return piloted ? Math.min(0.95, share + SalesForce.PILOT_ONLINE_BOOST) : share;
  }

  private String salesRepFor(SampleCustomer customer, String source, LocalDate day) {
    String owner = customer.ownerRepId();
    double draw = random.nextDouble();
    return switch (source) {
      case "FIELD_REP" -> {
        if (day.isBefore(calendar.start().plusDays(150)) && draw < 0.04) {
          yield SalesForce.DEPARTED_REP_ID;
        }
        yield owner != null && draw < 0.9 ? owner : salesForce.accountOwner(customer.homeRegion(), random).repId();
      }
      case "PHONE", "EMAIL" ->
          draw < 0.6 && owner != null ? owner : draw < 0.85 ? salesForce.insideSales(customer.homeRegion()).repId() : null;
      case "EDI" -> draw < 0.2 ? owner : null;
      default -> draw < 0.03 ? owner : null;
    };
  }

  private TimestampStyle styleFor(String source) {
    double draw = random.nextDouble();
    return switch (source) {
      case "WEB" -> draw < 0.005 ? TimestampStyle.UTC_LOWER_CASE : TimestampStyle.UTC_MILLIS;
      case "MOBILE_APP" -> draw < 0.05 ? TimestampStyle.UTC_NANOS : TimestampStyle.OFFSET;
      case "PUNCHOUT" -> TimestampStyle.OFFSET_COMPACT;
      case "EDI" -> draw < 0.4 ? TimestampStyle.DATE_ONLY : TimestampStyle.LOCAL_MINUTES;
      default -> draw < 0.6 ? TimestampStyle.LOCAL_T : TimestampStyle.LOCAL_SPACE;
    };
  }

  private LocalTime timeOfDay(boolean online, TimestampStyle style) {
    int hour = online ? (random.nextDouble() < 0.15 ? random.nextInt(24) : 6 + random.nextInt(17)) : 7 + random.nextInt(11);
    int nanos =
        switch (style) {
          case UTC_MILLIS -> random.nextInt(1000) * 1_000_000;
          case UTC_NANOS -> random.nextInt(1_000_000_000);
          default -> 0;
        };
    int second = style == TimestampStyle.LOCAL_MINUTES ? 0 : random.nextInt(60);
    return LocalTime.of(hour, random.nextInt(60), second, nanos);
  }

  private String orderStatus(LocalDate day) {
    double draw = random.nextDouble();
    if (draw < 0.02) {
      double spelling = random.nextDouble();
      return spelling < 0.7 ? "CANCELLED" : spelling < 0.9 ? "canceled" : "Cancelled";
    }
    if (draw < 0.05) {
      return null;
    }
    if (!day.isBefore(calendar.end().minusDays(4))) {
      return "OPEN";
    }
    return draw < 0.35 ? "OPEN" : draw < 0.70 ? "SHIPPED" : "INVOICED";
  }

  private BigDecimal quantity(Catalog.Item item) {
    if (item.byLength()) {
      // Feet of pipe or cable: 0.5 to 120.0 in steps of 0.5, sometimes to the inch (3 decimals).
      return random.nextDouble() < 0.2
          ? BigDecimal.valueOf(1000 + random.nextInt(40_000), 3)
          : BigDecimal.valueOf(5 * (1 + random.nextInt(240)), 1);
    }
    int max = item.usdPrice().compareTo(new BigDecimal("200")) > 0 ? 3 : item.usdPrice().compareTo(new BigDecimal("50")) > 0 ? 10 : 60;
    return BigDecimal.valueOf(1 + random.nextInt(max));
  }

  private BigDecimal discount(BigDecimal gross) {
    double draw = random.nextDouble();
    if (draw < 0.60) {
      return null;
    }
    if (draw < 0.75) {
      return BigDecimal.ZERO;
    }
    BigDecimal share = BigDecimal.valueOf(2 + random.nextInt(14), 2);
    return gross.multiply(share).setScale(2, RoundingMode.HALF_UP);
  }
}
