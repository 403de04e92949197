package com.channelexpansion.ingest.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header of an order export: which record position holds each canonical column
 * ({@link RawOrderLine#CANONICAL_COLUMNS}). Names are compared by their {@link HeaderName#key};
 * extra columns are ignored; of two columns with the same name the first counts.
 *
 * <p>It also knows which positions it does not read (extra columns, the second of two columns
 * with the same name), whose values a reject's raw_record masks, and whether the header is a
 * Shopify export's ({@code Lineitem quantity} and no {@code order_id}).
 */
public final class ExportHeader {
  private static final List<String> CANONICAL = RawOrderLine.CANONICAL_COLUMNS;
  private static final String SHOPIFY_QUANTITY = "lineitem quantity";

  private final int width;
  /** For each canonical column (in CANONICAL_COLUMNS order), its position in a record or -1. */
  private final int[] positions;
  private final List<String> missingRequired;
  /** For each record position, whether it holds a canonical column this header reads. */
  private final boolean[] read;
  private final boolean shopify;
  private final boolean everyColumnRead;

  private ExportHeader(int width, int[] positions, boolean shopifyQuantity) {
    this.width = width;
    this.positions = positions;
    this.read = new boolean[width];
    for (int position : positions) {
      if (position >= 0) {
        read[position] = true;
      }
    }
    this.shopify = shopifyQuantity && positions[CANONICAL.indexOf("order_id")] < 0;
    boolean all = true;
    for (boolean r : read) {
      all &= r;
    }
    this.everyColumnRead = all;
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < CANONICAL.size(); i++) {
      if (positions[i] < 0 && RawOrderLine.REQUIRED_COLUMNS.contains(CANONICAL.get(i))) {
        missing.add(CANONICAL.get(i));
      }
    }
    this.missingRequired = List.copyOf(missing);
  }

  /** Reads the header record's field values (column names). */
  public static ExportHeader of(List<String> names) {
    int[] positions = new int[CANONICAL.size()];
    Arrays.fill(positions, -1);
    boolean shopifyQuantity = false;
    for (int position = 0; position < names.size(); position++) {
      String name = HeaderName.key(names.get(position));
      int canonical = CANONICAL.indexOf(name);
      if (canonical >= 0 && positions[canonical] < 0) {
        positions[canonical] = position;
      }
      shopifyQuantity |= name.equals(SHOPIFY_QUANTITY);
    }
    return new ExportHeader(names.size(), positions, shopifyQuantity);
  }

  /** True for a Shopify export's header: a Lineitem quantity column and no order_id column. */
  public boolean shopifyExport() {
    return shopify;
  }

  /** True when the value at {@code position} is read as a canonical column's (else masked). */
  public boolean reads(int position) {
    return position >= 0 && position < width && read[position];
  }

  /** True when every column is read: then no value of a record of the header's width is masked. */
  public boolean readsEveryColumn() {
    return everyColumnRead;
  }

  /** Number of columns the header declares: every record must have exactly this many fields. */
  public int width() {
    return width;
  }

  /** Position (0-based) of a canonical column in the file's records, or -1 when absent. */
  public int positionOf(String canonicalColumn) {
    int canonical = CANONICAL.indexOf(canonicalColumn);
    if (canonical < 0) {
      throw new IllegalArgumentException(
          "Cannot look up column: not a canonical export column (" + canonicalColumn + ")");
    }
    return positions[canonical];
  }

  /** True when the header lacks a required column: every row of the file is then rejected. */
  public boolean missingRequired() {
    return !missingRequired.isEmpty();
  }

  /** The required columns the header lacks, in canonical order. */
  public List<String> missingRequiredColumns() {
    return missingRequired;
  }

  /**
   * The canonical values of a record of this header's width, in CANONICAL_COLUMNS order: null for
   * an empty value or a column the header lacks.
   */
  String[] canonicalValues(List<String> fields) {
    String[] values = new String[positions.length];
    for (int i = 0; i < positions.length; i++) {
      int position = positions[i];
      if (position >= 0) {
        String value = fields.get(position);
        values[i] = value.isEmpty() ? null : value;
      }
    }
    return values;
  }
}
