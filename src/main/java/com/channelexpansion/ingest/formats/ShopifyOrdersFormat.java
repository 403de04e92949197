package com.channelexpansion.ingest.formats;

import com.channelexpansion.warehouse.Customers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
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
 *
 * <p>{@link ShopifyColumns} names the columns and looks values up by name,
 * {@link ShopifyOrderReader} does the order-level handling and {@link ShopifyRawRecord} masks
 * raw_record.
 */
public final class ShopifyOrdersFormat implements SourceFormat {
  private static final long serialVersionUID = 1L;

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
        DelimitedFile.open(
            sourceFile, in, ',', StandardCharsets.UTF_8, ShopifyColumns.READ_COLUMNS);
    return new ShopifyOrderReader(file, customers);
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

  @Override
  public String toString() {
    return "shopify";
  }
}
