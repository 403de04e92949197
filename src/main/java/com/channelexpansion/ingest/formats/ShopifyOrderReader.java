package com.channelexpansion.ingest.formats;

import static com.channelexpansion.ingest.formats.ShopifyColumns.BILLING_COMPANY;
import static com.channelexpansion.ingest.formats.ShopifyColumns.BILLING_NAME;
import static com.channelexpansion.ingest.formats.ShopifyColumns.CANCELLED_AT;
import static com.channelexpansion.ingest.formats.ShopifyColumns.CREATED_AT;
import static com.channelexpansion.ingest.formats.ShopifyColumns.CURRENCY;
import static com.channelexpansion.ingest.formats.ShopifyColumns.DISCOUNT;
import static com.channelexpansion.ingest.formats.ShopifyColumns.DISCOUNT_AMOUNT;
import static com.channelexpansion.ingest.formats.ShopifyColumns.EMAIL;
import static com.channelexpansion.ingest.formats.ShopifyColumns.EMPLOYEE;
import static com.channelexpansion.ingest.formats.ShopifyColumns.FINANCIAL_STATUS;
import static com.channelexpansion.ingest.formats.ShopifyColumns.NAME;
import static com.channelexpansion.ingest.formats.ShopifyColumns.ORDER_LEVEL;
import static com.channelexpansion.ingest.formats.ShopifyColumns.PRICE;
import static com.channelexpansion.ingest.formats.ShopifyColumns.QUANTITY;
import static com.channelexpansion.ingest.formats.ShopifyColumns.REFUNDED_AMOUNT;
import static com.channelexpansion.ingest.formats.ShopifyColumns.SKU;
import static com.channelexpansion.ingest.formats.ShopifyColumns.SOURCE;
import static com.channelexpansion.ingest.formats.ShopifyColumns.SUBTOTAL;
import static com.channelexpansion.ingest.formats.ShopifyColumns.TOTAL;

import com.channelexpansion.ingest.read.CsvRecord;
import com.channelexpansion.ingest.read.RawOrderLine;
import com.channelexpansion.warehouse.Customers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order-level handling of {@link ShopifyOrdersFormat}: reads an order's adjacent rows
 * together, so its order-level discount can be spread; fills a row's missing order-level values
 * from an earlier row of its order, numbers its lines, identifies its customer and excludes zero
 * drafts.
 */
final class ShopifyOrderReader extends OrderRunReader {
  /** The pseudonym kind of each identity column, in the order they are tried. */
  private static final Map<String, String> IDENTITY_KINDS =
      Map.of(
          BILLING_COMPANY, CustomerPseudonymizer.COMPANY,
          EMAIL, CustomerPseudonymizer.EMAIL,
          BILLING_NAME, CustomerPseudonymizer.NAME);

  private final CustomerPseudonymizer customers;
  private final ShopifyColumns columns;
  /** Null, or the detail of every row when the header lacks a required column. */
  private final String headerMissing;
  private final Map<String, OrderState> orders = new HashMap<>();

  /** The order-level values seen so far for one Name, and how many rows it had. */
  private static final class OrderState {
    int rows;
    final Map<String, String> values = new HashMap<>();
  }

  ShopifyOrderReader(DelimitedFile file, CustomerPseudonymizer customers) {
    super(file);
    this.customers = customers;
    HeaderIndex header = file.header();
    this.columns = new ShopifyColumns(header);
    List<String> missing = header == null ? List.of() : columns.missingRequired();
    this.headerMissing = missing.isEmpty() ? null : RawOrderLine.headerLacks(missing);
  }

  @Override
  protected String orderKey(List<String> fields) {
    return columns.value(fields, NAME);
  }

  @Override
  protected SourceRecord malformed(CsvRecord record) {
    return SourceRecord.of(
        RawOrderLine.malformed(
            file().sourceFile(), record.startLine(), ShopifyRawRecord.malformedNote(record.rawText()),
            record.detail()));
  }

  @Override
  protected List<SourceRecord> readRun(List<CsvRecord> run) {
    String orderId = orderKey(run.get(0).fields());
    OrderState order =
        orderId == null ? new OrderState() : orders.computeIfAbsent(orderId, k -> new OrderState());
    boolean startsOrder = order.rows == 0;
    List<RawOrderLine> lines = new ArrayList<>();
    List<Exclusion> exclusions = new ArrayList<>();
    for (CsvRecord record : run) {
      lines.add(line(record, orderId, order));
      exclusions.add(zeroDraft(record.fields(), order) ? Exclusion.EXCLUDED_ZERO_VALUE_DRAFT : null);
    }
    List<String> first = run.get(0).fields();
    ShopifyOrderDiscount discount =
        startsOrder
            ? ShopifyOrderDiscount.of(
                columns.value(first, SUBTOTAL), columns.value(first, DISCOUNT_AMOUNT), lines)
            : ShopifyOrderDiscount.NONE;
    lines = OrderLevelDiscount.spread(discount.amount(), lines);
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLevel orderLevel =
          startsOrder && i == 0
              ? new OrderLevel(
                  discount.problem(), columns.value(first, REFUNDED_AMOUNT), discount.amount())
              : new OrderLevel(discount.problem(), null, null);
      records.add(new SourceRecord(lines.get(i), exclusions.get(i), orderLevel));
    }
    return records;
  }

  private RawOrderLine line(CsvRecord record, String orderId, OrderState order) {
    List<String> fields = record.fields();
    order.rows++;
    for (String column : ORDER_LEVEL) {
      String own = columns.value(fields, column);
      if (own != null) {
        order.values.putIfAbsent(column, own);
      }
    }
    String cancelledAt = orderValue(fields, order, CANCELLED_AT);
    return new RawOrderLine(
        file().sourceFile(),
        record.startLine(),
        ShopifyRawRecord.masked(columns.header(), fields),
        null,
        headerMissing,
        orderId,
        orderId == null ? null : Integer.toString(order.rows),
        ShopifyOrdersFormat.normalizeTimestamp(orderValue(fields, order, CREATED_AT)),
        customerId(fields, order),
        orderValue(fields, order, SOURCE),
        orderValue(fields, order, EMPLOYEE),
        null,
        columns.value(fields, SKU),
        columns.value(fields, QUANTITY),
        columns.value(fields, PRICE),
        columns.value(fields, DISCOUNT),
        orderValue(fields, order, CURRENCY),
        cancelledAt != null ? "CANCELLED" : orderValue(fields, order, FINANCIAL_STATUS),
        ShopifyOrdersFormat.normalizeTimestamp(cancelledAt));
  }

  private boolean zeroDraft(List<String> fields, OrderState order) {
    String source = orderValue(fields, order, SOURCE);
    return source != null
        && source.toLowerCase(Locale.ROOT).equals(ShopifyOrdersFormat.DRAFT_ORDER_SOURCE)
        && isZero(orderValue(fields, order, TOTAL));
  }

  /** True when the text is a number equal to zero ({@code 0}, {@code 0.00}). */
  private static boolean isZero(String text) {
    if (text == null) {
      return false;
    }
    try {
      return new BigDecimal(text).signum() == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The pseudonym of the order's company, else e-mail, else billing name; else UNIDENTIFIED. */
  private String customerId(List<String> fields, OrderState order) {
    for (String column : List.of(BILLING_COMPANY, EMAIL, BILLING_NAME)) {
      String identity = orderValue(fields, order, column);
      if (identity != null) {
        return customers.pseudonym(IDENTITY_KINDS.get(column), identity);
      }
    }
    return Customers.UNIDENTIFIED;
  }

  /** The row's own value, else the first value an earlier row of the order had. */
  private String orderValue(List<String> fields, OrderState order, String column) {
    String own = columns.value(fields, column);
    return own != null ? own : order.values.get(column);
  }
}
