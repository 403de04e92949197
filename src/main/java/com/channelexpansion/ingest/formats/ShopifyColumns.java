package com.channelexpansion.ingest.formats;

import java.util.List;

/**
 * The column lookup of {@link ShopifyOrdersFormat}: Shopify's column names, and a row's value by
 * column name through the file's header (case ignored), since the column set varies between
 * export dates.
 */
final class ShopifyColumns {
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

  /** Columns filled only on an order's first row: a later row without them takes the first's. */
  static final List<String> ORDER_LEVEL =
      List.of(
          CREATED_AT, SOURCE, EMPLOYEE, CURRENCY, CANCELLED_AT, FINANCIAL_STATUS, TOTAL,
          BILLING_COMPANY, EMAIL, BILLING_NAME);

  /** Every column whose value the reader uses: only these are checked for control characters. */
  static final List<String> READ_COLUMNS =
      List.of(
          NAME, CREATED_AT, SOURCE, EMPLOYEE, CURRENCY, CANCELLED_AT, FINANCIAL_STATUS, TOTAL,
          BILLING_COMPANY, EMAIL, BILLING_NAME, QUANTITY, PRICE, SKU, DISCOUNT, SUBTOTAL,
          DISCOUNT_AMOUNT, REFUNDED_AMOUNT);

  private final HeaderIndex header;

  ShopifyColumns(HeaderIndex header) {
    this.header = header;
  }

  HeaderIndex header() {
    return header;
  }

  /** The row's value in {@code column}: null when the header lacks it or the value is empty. */
  String value(List<String> fields, String column) {
    int position = header.positionOf(column);
    if (position < 0) {
      return null;
    }
    String value = fields.get(position);
    return value.isEmpty() ? null : value;
  }

  /** The required columns the header lacks, by Shopify's names. */
  List<String> missingRequired() {
    return List.of(NAME, CREATED_AT, SOURCE, QUANTITY, PRICE, CURRENCY).stream()
        .filter(column -> header.positionOf(column) < 0)
        .toList();
  }
}
