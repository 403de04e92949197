package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.CsvRecord;
import com.channelexpansion.ingest.read.HeaderName;
import com.channelexpansion.ingest.read.RawOrderLine;
import com.channelexpansion.warehouse.Customers;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify's "Export orders" CSV (UTF-8, comma): one row per line item, the order-level columns
 * filled only on an order's first row, the column set varying between export dates, so columns
 * are found by header name (case ignored). See docs/formats.md for every field.
 *
 * <ul>
 *   <li>order_id = Name; line_number = the row's position among the rows of that Name in the
 *       file (1, 2, ...); sku, quantity, unit_price, discount_amount = Lineitem sku, quantity,
 *       price, discount; currency = Currency; sales_rep_id = Employee; order_source = Source
 *       as exported (codes ignore case, so {@code web} matches a WEB definition).
 *   <li>order_timestamp = Created at, with Shopify's space before the offset removed
 *       ({@code 2024-03-01 10:15:00 -0500} becomes {@code 2024-03-01 10:15:00-0500}, and a
 *       trailing {@code UTC} becomes {@code Z}); anything else is left for the validator to judge.
 *   <li>order_status = CANCELLED when Cancelled at is set, else the Financial Status
 *       (informational: paid, refunded, ...); updated_at = Cancelled at, so a cancelled version of
 *       an order beats an earlier export of it.
 *   <li>customer_id = pseudonym of Billing Company when set, else of Email, else of Billing Name
 *       ({@link CustomerPseudonymizer}); an order with none of them (a walk-in, a staff draft) is
 *       {@link Customers#UNIDENTIFIED}, counted in revenue but not as a customer.
 *   <li>The order's discount that is not on its lines ({@link ShopifyOrderDiscount}) is spread over
 *       its lines' discount_amount ({@link OrderLevelDiscount}), so its counted revenue equals
 *       Subtotal; Refunded Amount is passed on with the order's first line ({@link OrderLevel}).
 *       Both are read off the first row of the order's adjacent rows.
 *   <li>An order-level value missing on a later row is taken from an earlier row of the order.
 *   <li>A staff draft ({@code shopify_draft_order}) whose Total is zero is excluded with
 *       {@link Exclusion.EXCLUDED_ZERO_VALUE_DRAFT}.
 *   <li>raw_record never holds personal data: the row is re-written as CSV with only the columns
 *       of {@link #RAW_RECORD_COLUMNS} kept and every other non-empty value shown as {@code *};
 *       a malformed row (whose columns cannot be told apart) is replaced by a note.
 * </ul>
 *
 * <p>A header that lacks Name, Created at, Source, Lineitem quantity, Lineitem price or Currency
 * makes every row missing_required_field (detail {@code header: no column Lineitem price}).
 */
public final class ShopifyOrdersFormat implements SourceFormat {
  private static final long serialVersionUID = 1L;

  static final String NAME = "Name";
  static final String CREATED_AT = "Created at";
  static final String SOURCE = "Source";
  static final String EMPLOYEE = "Employee";
  static final String CURRENCY = "Currency";
  static final String CANCELLED_AT = "Cancelled at";
  static final String FINANCIAL_STATUS = "Financial Status";
  static final String TOTAL = "Total";
  static final String BILLING_COMPANY = "Billing Company";
  static final String EMAIL = "Email";
  static final String BILLING_NAME = "Billing Name";
  static final String QUANTITY = "Lineitem quantity";
  static final String PRICE = "Lineitem price";
  static final String SKU = "Lineitem sku";
  static final String DISCOUNT = "Lineitem discount";
  static final String SUBTOTAL = "Subtotal";
  static final String DISCOUNT_AMOUNT = "Discount Amount";
  static final String REFUNDED_AMOUNT = "Refunded Amount";

  /** The pseudonym kind of each identity column, in the order they are tried. */
  private static final Map<String, String> IDENTITY_KINDS =
      Map.of(
          BILLING_COMPANY, CustomerPseudonymizer.COMPANY,
          EMAIL, CustomerPseudonymizer.EMAIL,
          BILLING_NAME, CustomerPseudonymizer.NAME);

  /** Source code of an order staff created in the admin. */
  public static final String DRAFT_ORDER_SOURCE = "shopify_draft_order";

  /** Columns whose values raw_record shows (lower-case); every other value is masked. */
  public static final Set<String> RAW_RECORD_COLUMNS =
      Set.of(
          "name", "financial status", "fulfillment status", "currency", "subtotal", "shipping",
          "taxes", "total", "discount amount", "created at", "paid at", "fulfilled at",
          "cancelled at", "lineitem quantity", "lineitem name", "lineitem price",
          "lineitem compare at price", "lineitem sku", "lineitem discount",
          "lineitem fulfillment status", "refunded amount", "source", "employee", "location",
          "id", "vendor");

  private static final List<String> ORDER_LEVEL =
      List.of(
          CREATED_AT, SOURCE, EMPLOYEE, CURRENCY, CANCELLED_AT, FINANCIAL_STATUS, TOTAL,
          BILLING_COMPANY, EMAIL, BILLING_NAME);

  /** Every column whose value the reader uses: only these are checked for control characters. */
  private static final List<String> READ_COLUMNS =
      List.of(
          NAME, CREATED_AT, SOURCE, EMPLOYEE, CURRENCY, CANCELLED_AT, FINANCIAL_STATUS, TOTAL,
          BILLING_COMPANY, EMAIL, BILLING_NAME, QUANTITY, PRICE, SKU, DISCOUNT, SUBTOTAL,
          DISCOUNT_AMOUNT, REFUNDED_AMOUNT);

  private static final Pattern SPACED_OFFSET =
      Pattern.compile(
          "([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?)"
              + "[ \\t]*([+-][0-9]{2}:?[0-9]{2}|[Zz]|UTC)");

  private final CustomerPseudonymizer customers;

  public ShopifyOrdersFormat(CustomerPseudonymizer customers) {
    this.customers = customers;
  }

  @Override
  public Optional<CustomerPseudonymizer> customerKey() {
    return Optional.of(customers);
  }

  @Override
  public Iterator<SourceRecord> read(String sourceFile, InputStream in) {
    DelimitedFile file =
        DelimitedFile.open(sourceFile, in, ',', StandardCharsets.UTF_8, READ_COLUMNS);
    return new Reader(file);
  }

  @Override
  public boolean headerless(String sourceFile, InputStream in) {
    return DelimitedFile.open(sourceFile, in, ',', StandardCharsets.UTF_8, List.of()).header()
        == null;
  }

  /**
   * Shopify's {@code yyyy-MM-dd HH:mm:ss -0500} as the canonical grammar (offset right after the
   * time, {@code UTC} as {@code Z}); any other text unchanged.
   */
  static String normalizeTimestamp(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = SPACED_OFFSET.matcher(text);
    if (!m.matches()) {
      return text;
    }
    String offset = m.group(2).equals("UTC") ? "Z" : m.group(2);
    return m.group(1) + offset;
  }

  /** True when the text is a number equal to zero ({@code 0}, {@code 0.00}). */
  static boolean isZero(String text) {
    if (text == null) {
      return false;
    }
    try {
      return new BigDecimal(text).signum() == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The record with personal values masked: only {@link #RAW_RECORD_COLUMNS} shown. */
  static String maskedRawRecord(HeaderIndex header, List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String value = fields.get(i);
      boolean shown = RAW_RECORD_COLUMNS.contains(HeaderName.key(header.names().get(i)));
      if (!shown && !value.isEmpty()) {
        out.append('*');
      } else if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
      } else {
        out.append(value);
      }
    }
    return out.toString();
  }

  /** The note that replaces a malformed row's text, which could hold personal data. */
  static String malformedNote(String rawText) {
    return "(malformed Shopify row of " + rawText.length()
        + " characters, not shown: it may hold personal data)";
  }

  /** The order-level values seen so far for one Name, and how many rows it had. */
  private static final class OrderState {
    int rows;
    final Map<String, String> values = new HashMap<>();
  }

  /** Reads an order's adjacent rows together, so its order-level discount can be spread. */
  private final class Reader extends OrderRunReader {
    private final HeaderIndex header;
    /** Null, or the detail of every row when the header lacks a required column. */
    private final String headerMissing;
    private final Map<String, OrderState> orders = new HashMap<>();

    Reader(DelimitedFile file) {
      super(file);
      this.header = file.header();
      List<String> missing = header == null ? List.of() : missingRequired(header);
      this.headerMissing = missing.isEmpty() ? null : RawOrderLine.headerLacks(missing);
    }

    @Override
    protected String orderKey(List<String> fields) {
      return value(fields, NAME);
    }

    @Override
    protected SourceRecord malformed(CsvRecord record) {
      return SourceRecord.of(
          RawOrderLine.malformed(
              file().sourceFile(), record.startLine(), malformedNote(record.rawText()),
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
              ? ShopifyOrderDiscount.of(value(first, SUBTOTAL), value(first, DISCOUNT_AMOUNT), lines)
              : ShopifyOrderDiscount.NONE;
      lines = OrderLevelDiscount.spread(discount.amount(), lines);
      List<SourceRecord> records = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        OrderLevel orderLevel =
            startsOrder && i == 0
                ? new OrderLevel(discount.problem(), value(first, REFUNDED_AMOUNT), discount.amount())
                : new OrderLevel(discount.problem(), null, null);
        records.add(new SourceRecord(lines.get(i), exclusions.get(i), orderLevel));
      }
      return records;
    }

    private RawOrderLine line(CsvRecord record, String orderId, OrderState order) {
      List<String> fields = record.fields();
      order.rows++;
      for (String column : ORDER_LEVEL) {
        String own = value(fields, column);
        if (own != null) {
          order.values.putIfAbsent(column, own);
        }
      }
      String cancelledAt = orderValue(fields, order, CANCELLED_AT);
      return new RawOrderLine(
          file().sourceFile(),
          record.startLine(),
          maskedRawRecord(header, fields),
          null,
          headerMissing,
          orderId,
          orderId == null ? null : Integer.toString(order.rows),
          normalizeTimestamp(orderValue(fields, order, CREATED_AT)),
          customerId(fields, order),
          orderValue(fields, order, SOURCE),
          orderValue(fields, order, EMPLOYEE),
          null,
          value(fields, SKU),
          value(fields, QUANTITY),
          value(fields, PRICE),
          value(fields, DISCOUNT),
          orderValue(fields, order, CURRENCY),
          cancelledAt != null ? "CANCELLED" : orderValue(fields, order, FINANCIAL_STATUS),
          normalizeTimestamp(cancelledAt));
    }

    private boolean zeroDraft(List<String> fields, OrderState order) {
      String source = orderValue(fields, order, SOURCE);
      return source != null
          && source.toLowerCase(Locale.ROOT).equals(DRAFT_ORDER_SOURCE)
          && isZero(orderValue(fields, order, TOTAL));
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
      String own = value(fields, column);
      return own != null ? own : order.values.get(column);
    }

    private String value(List<String> fields, String column) {
      int position = header.positionOf(column);
      if (position < 0) {
        return null;
      }
      String value = fields.get(position);
      return value.isEmpty() ? null : value;
    }
  }

  /** The required columns the header lacks, by Shopify's names. */
  private static List<String> missingRequired(HeaderIndex header) {
    return List.of(NAME, CREATED_AT, SOURCE, QUANTITY, PRICE, CURRENCY).stream()
        .filter(column -> header.positionOf(column) < 0)
        .toList();
  }

  @Override
  public String toString() {
    return "shopify";
  }
}
